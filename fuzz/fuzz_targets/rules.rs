//! Rule TOML → compiled rules. Whatever the input, compiling returns rules or
//! diagnostics, and every diagnostic renders (its labels inside the text).
#![no_main]

use concord::config::Limits;
use concord::report::Style;
use concord::rules::compile_rule_text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // A small pattern limit keeps each run fast; large patterns must fail cleanly.
    let limits = Limits { max_pattern_bytes: 1 << 20, ..Limits::default() };
    if let Err(problems) = compile_rule_text("fuzz.toml", text, &limits) {
        let style = Style { color: false, width: 80 };
        for problem in &problems {
            let rendered = style.render(problem);
            assert!(!rendered.contains("Failed to read contents for label"), "{rendered}");
        }
    }
});
