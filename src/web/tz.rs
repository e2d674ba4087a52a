//! The browser's local time zone, for showing local times next to UTC.

use crate::flowlog::decode::clock::LocalOffset;

/// Asks the browser for the UTC offset at each instant (it changes with DST).
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserTz;

impl LocalOffset for BrowserTz {
    fn offset_minutes(&self, unix: i64) -> i32 {
        #[allow(clippy::cast_precision_loss, reason = "seconds below 2^53 are exact in f64")]
        let millis = unix as f64 * 1000.0;
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis));
        let offset = date.get_timezone_offset();
        if offset.is_finite() {
            // getTimezoneOffset is minutes *behind* UTC.
            #[allow(clippy::cast_possible_truncation, reason = "offsets are whole minutes within ±24 h")]
            let minutes = -(offset as i32);
            minutes
        } else {
            0
        }
    }
}
