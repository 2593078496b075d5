/work/main/target-cg/debug/deps/mastodon_error_codegen-31885429130f8628.d: codegen/src/lib.rs codegen/src/api.rs codegen/src/commonmark.rs codegen/src/config.rs codegen/src/diagnostic.rs codegen/src/emit/mod.rs codegen/src/emit/docs.rs codegen/src/emit/endpoints.rs codegen/src/emit/rate_limits.rs codegen/src/emit/response.rs codegen/src/hash.rs codegen/src/ident.rs codegen/src/lint.rs codegen/src/markdown/mod.rs codegen/src/markdown/blocks.rs codegen/src/markdown/error_page.rs codegen/src/markdown/explanation.rs codegen/src/markdown/front_matter.rs codegen/src/markdown/inline.rs codegen/src/markdown/rate_limits_page.rs codegen/src/method_pages.rs codegen/src/model/mod.rs codegen/src/model/methods.rs codegen/src/model/rate_limits.rs codegen/src/rate_limit_page.rs codegen/src/source.rs codegen/src/validate.rs codegen/src/yaml/mod.rs codegen/src/yaml/methods.rs codegen/src/yaml/rate_limits.rs codegen/src/yaml/read.rs codegen/src/yaml/schema.rs codegen/src/yaml/tree.rs

/work/main/target-cg/debug/deps/libmastodon_error_codegen-31885429130f8628.rlib: codegen/src/lib.rs codegen/src/api.rs codegen/src/commonmark.rs codegen/src/config.rs codegen/src/diagnostic.rs codegen/src/emit/mod.rs codegen/src/emit/docs.rs codegen/src/emit/endpoints.rs codegen/src/emit/rate_limits.rs codegen/src/emit/response.rs codegen/src/hash.rs codegen/src/ident.rs codegen/src/lint.rs codegen/src/markdown/mod.rs codegen/src/markdown/blocks.rs codegen/src/markdown/error_page.rs codegen/src/markdown/explanation.rs codegen/src/markdown/front_matter.rs codegen/src/markdown/inline.rs codegen/src/markdown/rate_limits_page.rs codegen/src/method_pages.rs codegen/src/model/mod.rs codegen/src/model/methods.rs codegen/src/model/rate_limits.rs codegen/src/rate_limit_page.rs codegen/src/source.rs codegen/src/validate.rs codegen/src/yaml/mod.rs codegen/src/yaml/methods.rs codegen/src/yaml/rate_limits.rs codegen/src/yaml/read.rs codegen/src/yaml/schema.rs codegen/src/yaml/tree.rs

/work/main/target-cg/debug/deps/libmastodon_error_codegen-31885429130f8628.rmeta: codegen/src/lib.rs codegen/src/api.rs codegen/src/commonmark.rs codegen/src/config.rs codegen/src/diagnostic.rs codegen/src/emit/mod.rs codegen/src/emit/docs.rs codegen/src/emit/endpoints.rs codegen/src/emit/rate_limits.rs codegen/src/emit/response.rs codegen/src/hash.rs codegen/src/ident.rs codegen/src/lint.rs codegen/src/markdown/mod.rs codegen/src/markdown/blocks.rs codegen/src/markdown/error_page.rs codegen/src/markdown/explanation.rs codegen/src/markdown/front_matter.rs codegen/src/markdown/inline.rs codegen/src/markdown/rate_limits_page.rs codegen/src/method_pages.rs codegen/src/model/mod.rs codegen/src/model/methods.rs codegen/src/model/rate_limits.rs codegen/src/rate_limit_page.rs codegen/src/source.rs codegen/src/validate.rs codegen/src/yaml/mod.rs codegen/src/yaml/methods.rs codegen/src/yaml/rate_limits.rs codegen/src/yaml/read.rs codegen/src/yaml/schema.rs codegen/src/yaml/tree.rs

codegen/src/lib.rs:
codegen/src/api.rs:
codegen/src/commonmark.rs:
codegen/src/config.rs:
codegen/src/diagnostic.rs:
codegen/src/emit/mod.rs:
codegen/src/emit/docs.rs:
codegen/src/emit/endpoints.rs:
codegen/src/emit/rate_limits.rs:
codegen/src/emit/response.rs:
codegen/src/hash.rs:
codegen/src/ident.rs:
codegen/src/lint.rs:
codegen/src/markdown/mod.rs:
codegen/src/markdown/blocks.rs:
codegen/src/markdown/error_page.rs:
codegen/src/markdown/explanation.rs:
codegen/src/markdown/front_matter.rs:
codegen/src/markdown/inline.rs:
codegen/src/markdown/rate_limits_page.rs:
codegen/src/method_pages.rs:
codegen/src/model/mod.rs:
codegen/src/model/methods.rs:
codegen/src/model/rate_limits.rs:
codegen/src/rate_limit_page.rs:
codegen/src/source.rs:
codegen/src/validate.rs:
codegen/src/yaml/mod.rs:
codegen/src/yaml/methods.rs:
codegen/src/yaml/rate_limits.rs:
codegen/src/yaml/read.rs:
codegen/src/yaml/schema.rs:
codegen/src/yaml/tree.rs:
