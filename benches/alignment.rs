//! Alignment at scale: clusters N synthetic quotations with planted variants
//! (one word changed) and checks that every planted variant is found and that
//! 10× the quotations take under 12× the time.
//!
//! Run with `cargo bench --bench alignment` (release build). Prints the
//! timings and ratio; exits non-zero if a variant is missed or the ratio is
//! 12 or more. Not part of `cargo test`: timings belong here, not in tests.

#![allow(clippy::print_stdout)]

use std::process::ExitCode;
use std::time::Instant;

use concord::compare::align::cluster;
use concord::text::{Token, tokenize};

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

/// A word: mostly from a small common vocabulary (as news prose is), else rare.
fn word(rng: &mut Rng) -> String {
    if rng.below(10) < 7 {
        format!("w{}", rng.below(400))
    } else {
        format!("r{}", rng.below(200_000))
    }
}

/// `n` quotations, 1% of them planted variants of an earlier one.
fn corpus(n: usize, rng: &mut Rng) -> (Vec<Vec<Token>>, Vec<(usize, usize)>) {
    let mut quotes: Vec<Vec<String>> = Vec::with_capacity(n);
    let mut planted = Vec::new();
    while quotes.len() < n {
        if quotes.len() > 10 && rng.below(100) == 0 {
            let original = rng.below(quotes.len());
            let mut variant = quotes[original].clone();
            let at = rng.below(variant.len());
            variant[at] = format!("changed{}", rng.below(1000));
            planted.push((original, quotes.len()));
            quotes.push(variant);
        } else {
            let len = 10 + rng.below(16);
            quotes.push((0..len).map(|_| word(rng)).collect());
        }
    }
    (
        quotes.iter().map(|q| tokenize(&q.join(" "))).collect(),
        planted,
    )
}

/// Clusters `n` quotations once to warm up, then seven times; the best time,
/// as the least disturbed by whatever else the machine is doing.
fn run(n: usize) -> (f64, usize, usize) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (quotes, planted) = corpus(n, &mut rng);
    let mut seconds = f64::INFINITY;
    let mut groups = cluster(&quotes, 6, 0.6);
    for _ in 0..7 {
        let start = Instant::now();
        groups = cluster(&quotes, 6, 0.6);
        seconds = seconds.min(start.elapsed().as_secs_f64());
    }
    let mut group_of = vec![usize::MAX; n];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    let found = planted
        .iter()
        .filter(|(a, b)| group_of[*a] != usize::MAX && group_of[*a] == group_of[*b])
        .count();
    (seconds, found, planted.len())
}

fn main() -> ExitCode {
    let (small, found_small, planted_small) = run(10_000);
    let (large, found_large, planted_large) = run(100_000);
    let ratio = large / small;
    println!("10k quotations:  {small:.3} s, planted variants found {found_small}/{planted_small}");
    println!("100k quotations: {large:.3} s, planted variants found {found_large}/{planted_large}");
    println!("time for 10x the quotations: {ratio:.2}x (must stay under 12x)");
    if found_small < planted_small || found_large < planted_large || ratio >= 12.0 {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
