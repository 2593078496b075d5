//! The progenitor client of generated/openapi.json, compiled as it is generated.
include!(concat!(env!("OUT_DIR"), "/client.rs"));
