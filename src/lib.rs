//! concord: a source-consistency checker. It reads a document set and a folder
//! of TOML rules and reports where the sources agree, conflict or misquote each
//! other, as diagnostics pointing at spans in every document involved.
//!
//! The modules are layers; an import only points down this list (a test,
//! `tests/layering.rs`, fails on one that points up):
//!
//! - [`text`]: words, tokens, word lists, folds, line maps, hashes;
//! - [`value`]: numbers, intervals, dates, durations;
//! - [`finding`], [`diagnostic`]: the data findings and problems are made of;
//! - [`input`], [`config`], [`source`]: reading files, concord.toml, documents;
//! - [`rules`]: rule files, compiled;
//! - [`analyze`]: one document at a time;
//! - [`compare`]: across documents, then suppression;
//! - [`pipeline`]: load → analyze → compare → suppress, for every command;
//! - [`report`]: every output of every command.
//!
//! The command line (clap, progress bar, exit codes, writing to the terminal)
//! is the binary's, in `src/bin/concord/`: the library never prints.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analyze;
pub mod compare;
pub mod config;
pub mod diagnostic;
pub mod finding;
pub mod input;
pub mod pipeline;
pub mod report;
pub mod rules;
pub mod source;
pub mod text;
pub mod value;
