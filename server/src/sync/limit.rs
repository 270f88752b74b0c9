//! Requests per client: a token bucket per address, in memory. Each server
//! of several behind a load balancer limits on its own, which only makes
//! the limit looser, never stricter.

use std::{collections::HashMap, net::IpAddr, sync::Mutex};

/// Buckets of many clients. Time is a parameter (ms), never read here.
#[derive(Debug)]
pub struct Limiter {
    per_minute: u32,
    buckets: Mutex<HashMap<IpAddr, (f64, u64)>>,
}

/// Addresses kept before full buckets are dropped (a full bucket is the
/// same as none).
const MAX_TRACKED: usize = 100_000;

impl Limiter {
    /// Up to `per_minute` requests a minute from one address, all at once
    /// if it has been quiet.
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute,
            buckets: Mutex::default(),
        }
    }

    /// Takes one request's token for `client` at `now_ms`; false: over the limit.
    pub fn allow(&self, client: IpAddr, now_ms: u64) -> bool {
        let capacity = f64::from(self.per_minute);
        let per_ms = capacity / 60_000.0;
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() >= MAX_TRACKED {
            buckets.retain(|_, (tokens, at)| {
                *tokens + now_ms.saturating_sub(*at) as f64 * per_ms < capacity
            });
        }
        let (tokens, at) = buckets.entry(client).or_insert((capacity, now_ms));
        *tokens = (*tokens + now_ms.saturating_sub(*at) as f64 * per_ms).min(capacity);
        *at = now_ms;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_the_refill_rate() {
        let limiter = Limiter::new(60);
        let a: IpAddr = [127, 0, 0, 1].into();
        let b: IpAddr = [127, 0, 0, 2].into();
        assert!((0..60).all(|_| limiter.allow(a, 1_000)));
        assert!(!limiter.allow(a, 1_000));
        // Another client is not affected.
        assert!(limiter.allow(b, 1_000));
        // One a second comes back.
        assert!(!limiter.allow(a, 1_500));
        assert!(limiter.allow(a, 2_000));
        assert!(!limiter.allow(a, 2_000));
        // A quiet minute fills the bucket again, no further.
        assert!((0..60).all(|_| limiter.allow(a, 200_000)));
        assert!(!limiter.allow(a, 200_000));
    }
}
