//! Learn mode: the list of lessons and one lesson, reached by `#learn` and `#learn/N`.

pub mod index;
pub mod lesson;

use crate::fields::lessons;
use crate::flowlog::links::learn::{self, LearnLink};
use crate::ui::state::Route;

/// The part of the page a URL fragment names.
#[must_use]
pub fn route(fragment: &str) -> Route {
    match learn::parse(fragment, lessons::count()) {
        None => Route::Decoder,
        Some(LearnLink::Index) => Route::Learn(None),
        Some(LearnLink::Lesson(n)) => Route::Learn(Some(n)),
        // A lesson that does not exist: the list, which says so.
        Some(LearnLink::Missing(_)) => Route::Learn(Some(0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_routes() {
        assert_eq!(route("#learn/2"), Route::Learn(Some(2)));
        assert_eq!(route("#learn"), Route::Learn(None));
        assert_eq!(route("#learn/x"), Route::Learn(Some(0)));
        assert_eq!(route("#s1=abc"), Route::Decoder);
        assert_eq!(route(""), Route::Decoder);
    }
}
