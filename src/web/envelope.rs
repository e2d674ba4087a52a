//! The envelope of every message between the page and its workers: the typed message
//! itself as a JavaScript value under `msg` (made and read by `serde-wasm-bindgen`, no
//! JSON text in between), with any payload that travels beside it — `files`, a `blob`,
//! a transferred `text` buffer — under its own key.

use js_sys::{Object, Reflect};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// The key of the typed message.
const MSG: &str = "msg";

/// How messages become JavaScript values: the protocol hash (a `u64`) and the 128-bit
/// totals as `BigInt`s, which keep every bit; maps as plain objects.
fn serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::new()
        .serialize_large_number_types_as_bigints(true)
        .serialize_maps_as_objects(true)
}

/// `value` as a JavaScript value, as it crosses to the other side.
///
/// # Errors
/// A value serde cannot write (none of the protocol's types fail).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, serde_wasm_bindgen::Error> {
    value.serialize(&serializer())
}

/// A JavaScript value read back as a typed message; `None` when it is not one.
#[must_use]
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Option<T> {
    serde_wasm_bindgen::from_value(value).ok()
}

/// A new envelope holding `message`.
#[must_use]
pub fn wrap<T: Serialize>(message: &T) -> Object {
    let envelope = Object::new();
    if let Ok(value) = to_js(message) {
        set(&envelope, MSG, &value);
    }
    envelope
}

/// The typed message in an envelope (a `MessageEvent`'s `data`); `None` when there is
/// none or it is of another type — such a message is dropped.
#[must_use]
pub fn unwrap<T: DeserializeOwned>(data: &JsValue) -> Option<T> {
    from_js(get(data, MSG))
}

/// `obj[key]`, or `undefined`.
#[must_use]
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Sets `obj[key]` (an envelope's payload beside the message).
pub fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}
