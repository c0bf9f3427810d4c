//! Requests and notifications run through [`guarded`], so a panic in one (a bug) becomes an
//! error answer naming the request, and the server keeps serving.

use std::panic::{AssertUnwindSafe, catch_unwind};
use tower_lsp_server::jsonrpc::{self, ErrorCode};

/// Run `f`, turning a panic into a JSON-RPC internal error that names the request.
pub fn guarded<T>(what: &str, f: impl FnOnce() -> T) -> jsonrpc::Result<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        jsonrpc::Error {
            code: ErrorCode::InternalError,
            message: format!("notedeck failed while handling {what}: {reason}").into(),
            data: None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_handler_becomes_an_internal_error_naming_the_request() {
        let err = guarded("hover", || -> i32 { panic!("index out of bounds") })
            .expect_err("the panic is caught");
        assert_eq!(err.code, ErrorCode::InternalError);
        assert!(err.message.contains("hover"), "{}", err.message);
        assert!(
            err.message.contains("index out of bounds"),
            "{}",
            err.message
        );
        assert_eq!(guarded("hover", || 7), Ok(7));
    }
}
