/work/main/target-cg/debug/deps/sha1_smol-f500772aed679ec2.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/sha1_smol-1.0.1/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/sha1_smol-1.0.1/src/simd.rs

/work/main/target-cg/debug/deps/libsha1_smol-f500772aed679ec2.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/sha1_smol-1.0.1/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/sha1_smol-1.0.1/src/simd.rs

/work/main/target-cg/debug/deps/libsha1_smol-f500772aed679ec2.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/sha1_smol-1.0.1/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/sha1_smol-1.0.1/src/simd.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/sha1_smol-1.0.1/src/lib.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/sha1_smol-1.0.1/src/simd.rs:
