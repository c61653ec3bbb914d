//! FNV-1a, 64 bits: stable across platforms and releases (unlike std's
//! hasher), which fingerprints that users store in baselines rely on.

/// A running FNV-1a hash.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    pub fn bytes(mut self, bytes: &[u8]) -> Self {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        self
    }

    /// Adds `text` and a 0xff terminator, so ("ab", "c") and ("a", "bc") differ.
    pub fn field(self, text: &str) -> Self {
        self.bytes(text.as_bytes()).bytes(&[0xff])
    }

    pub fn finish(self) -> u64 {
        self.0
    }
}

/// The hash of one string, with no terminator.
pub fn fnv1a(text: &str) -> u64 {
    Fnv::default().bytes(text.as_bytes()).finish()
}
