//! Waiting for a spawned netweb without hanging the suite.

use std::process::{Child, ExitStatus};
use std::time::{Duration, Instant};

/// The exit status, or `None` (and the child killed) after `limit`.
pub fn wait_at_most(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}
