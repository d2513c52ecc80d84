//! The property runner of the fuzz tests: proptest's runner with its usual
//! configuration (`PROPTEST_CASES` sets the number of inputs, 256 by
//! default), failures shrunk and reported with their input, and a count of
//! the inputs actually tried printed as one line
//! (`fuzz-count <property> <inputs> <seconds>`), which `scripts/fuzz-long.sh`
//! collects into BENCHMARKS.md.

use std::cell::Cell;
use std::fmt::Debug;
use std::time::Instant;

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// Runs `check` on inputs drawn from `strategy`; panics with the smallest
/// failing input if one fails (a panic inside `check` counts as a failure).
pub fn run<S>(name: &str, strategy: S, check: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S: Strategy,
    S::Value: Debug,
{
    // No regression files: the runner has no source file to put them next to.
    let mut runner = TestRunner::new(Config { failure_persistence: None, ..Config::default() });
    let tried = Cell::new(0u64);
    let start = Instant::now();
    let result = runner.run(&strategy, |input| {
        tried.set(tried.get() + 1);
        check(input)
    });
    println!("fuzz-count {name} {} {:.1}", tried.get(), start.elapsed().as_secs_f64());
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
}
