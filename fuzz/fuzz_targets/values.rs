//! Date, duration, number and text expressions → values, with and without a
//! publication date, in every date order. Nothing may panic, and every value
//! must display.
#![no_main]

use concord::value::{ValueContext, ValueType, normalize};
use concord::value::DateOrder;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (before, expression) = text.split_once('|').unwrap_or(("", text));
    for published in [None, Some(jiff::civil::date(2025, 4, 4)), Some(jiff::civil::date(-9999, 1, 1))] {
        for date_order in [DateOrder::Mdy, DateOrder::Dmy, DateOrder::Ymd] {
            let cx = ValueContext { before, published, date_order, synonyms: &[] };
            for kind in [ValueType::Number, ValueType::Date, ValueType::Duration, ValueType::Text] {
                if let Ok(value) = normalize(kind, expression, &cx) {
                    let _ = value.to_string();
                    let _ = value.compatible(&value);
                }
            }
        }
    }
});
