//! The labeled line's picture in the browser: the SVG (made by
//! `flowlog::explain::picture`) drawn onto a canvas as PNG, offered as a download or
//! put on the clipboard. Nothing leaves the page.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Pixels per SVG unit in the PNG (sharp on high-density screens and slides).
const SCALE: f64 = 2.0;

/// `svg` as a PNG blob, or `None` where the browser refuses (no canvas, a decode error).
/// The SVG is loaded from a `data:` URL: the page's CSP allows `data:` images, not `blob:`.
pub async fn png(svg: &str) -> Option<web_sys::Blob> {
    let document = web_sys::window()?.document()?;
    let img = web_sys::HtmlImageElement::new().ok()?;
    let url = format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(svg));
    img.set_src(&url);
    JsFuture::from(img.decode()).await.ok()?;
    let (w, h) = (f64::from(img.natural_width()), f64::from(img.natural_height()));
    if w < 1.0 || h < 1.0 {
        return None;
    }
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    // Whole pixels: the picture is at most a few thousand units wide.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "small positive sizes"
    )]
    {
        canvas.set_width((w * SCALE).ceil() as u32);
        canvas.set_height((h * SCALE).ceil() as u32);
    }
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.scale(SCALE, SCALE).ok()?;
    ctx.draw_image_with_html_image_element(&img, 0.0, 0.0).ok()?;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let callback = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        if canvas.to_blob(callback.unchecked_ref()).is_err() {
            // Resolves with nothing: the caller says the browser refused.
        }
    });
    JsFuture::from(promise).await.ok()?.dyn_into::<web_sys::Blob>().ok()
}

/// Puts `blob` (a PNG) on the clipboard; `false` if the browser refused (no
/// `ClipboardItem`, no permission, or a page that is not focused).
pub async fn copy_png(blob: &web_sys::Blob) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let Ok(ctor) = js_sys::Reflect::get(&w, &JsValue::from_str("ClipboardItem")) else {
        return false;
    };
    let Ok(ctor) = ctor.dyn_into::<js_sys::Function>() else {
        return false;
    };
    let items = js_sys::Object::new();
    if js_sys::Reflect::set(&items, &JsValue::from_str("image/png"), blob).is_err() {
        return false;
    }
    let Ok(item) = js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(&items)) else {
        return false;
    };
    let clipboard = w.navigator().clipboard();
    let Ok(write) = js_sys::Reflect::get(&clipboard, &JsValue::from_str("write")) else {
        return false;
    };
    let Ok(write) = write.dyn_into::<js_sys::Function>() else {
        return false;
    };
    match write.call1(&clipboard, &js_sys::Array::of1(&item)) {
        Ok(p) => match p.dyn_into::<js_sys::Promise>() {
            Ok(p) => JsFuture::from(p).await.is_ok(),
            Err(_) => false,
        },
        Err(_) => false,
    }
}
