/work/main/target-cg/debug/deps/unicase-337bf9bc597eae21.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/ascii.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/unicode/mod.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/unicode/map.rs

/work/main/target-cg/debug/deps/libunicase-337bf9bc597eae21.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/ascii.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/unicode/mod.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/unicode/map.rs

/work/main/target-cg/debug/deps/libunicase-337bf9bc597eae21.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/ascii.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/unicode/mod.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/unicode/map.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/lib.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/ascii.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/unicode/mod.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/unicode/map.rs:
