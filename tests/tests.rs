//! The integration test binary (one binary, so the dictionary is compiled and linked once).

// Whole-pipeline tests on our own fixtures: furniture removed, encodings, determinism.
mod pipeline;
// The five real messy seed documents in ../shared/seeds, when that folder exists.
mod seeds;
// The `tiyao` binary: help, version, exit codes, stdin, --json schema, --jsonl batch mode.
mod cli;
