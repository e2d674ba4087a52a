// Runs before the body is parsed (index.html): the static shell shows its words in the
// language the app will start in — the one saved by an earlier visit, else the browser's
// (src/web/browser.rs, initial_lang) — so nothing changes when the app takes over.
(function () {
  var tag = null;
  try {
    tag = window.localStorage.getItem('vpc-flowlog-decoder.lang');
  } catch (e) {
    // Storage refused (a page opened from file://, private modes): the browser's language.
  }
  tag = tag || navigator.language || 'en';
  var lang = tag.slice(0, 2).toLowerCase() === 'ja' ? 'ja' : 'en';
  document.documentElement.lang = lang;
  // A link into Learn mode (#learn/3): the shell keeps its header but not the paste box,
  // which the lesson would replace (src/flowlog/links/learn.rs).
  if (/^#learn(\/|$)/.test(location.hash)) document.documentElement.classList.add('shell-learn');
  if (lang !== 'ja') return;
  // The paste box's placeholder is an attribute, not text: set as soon as it is parsed.
  var observer = new MutationObserver(function () {
    var input = document.getElementById('shell-input');
    if (!input) return;
    observer.disconnect();
    if (input.dataset.jaPlaceholder) input.placeholder = input.dataset.jaPlaceholder;
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
})();
