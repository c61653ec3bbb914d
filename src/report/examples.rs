//! `concord test`: each failing example as a diagnostic, then a count.

use super::Style;
use crate::pipeline::ExampleRun;

pub fn examples(run: &ExampleRun, style: Style) -> String {
    let mut text = String::new();
    for failure in &run.failures {
        text.push_str(&style.render(failure));
        text.push('\n');
    }
    text.push_str(&format!(
        "examples: {} passed, {} failed\n",
        run.passed,
        run.failures.len()
    ));
    text
}
