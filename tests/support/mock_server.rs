//! A real HTTP server on 127.0.0.1 that answers a fixed list of requests, in
//! order, with the responses queued for them, then stops. Shared by the
//! round-trip test and `examples/client.rs`.

use std::thread::JoinHandle;
use std::time::Duration;

/// One request the server expects, and what it answers.
pub struct Canned {
    pub method: String,
    /// The path and query, as the request line carries them.
    pub path: String,
    pub status: u16,
    pub content_type: &'static str,
    /// More headers, such as a 429's rate-limit headers.
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

/// A running server: where it listens, and the thread that serves.
pub struct MockServer {
    pub base_url: String,
    thread: JoinHandle<Result<(), String>>,
}

/// How long the server waits for the next request before it gives up, so a
/// client that stops early cannot leave it running.
const IDLE: Duration = Duration::from_secs(10);

impl MockServer {
    /// Listens on a free port of 127.0.0.1 and serves exactly `responses.len()`
    /// requests. A request that is not the next one expected gets a 400, and
    /// stops the server with an error that [`MockServer::finish`] returns.
    pub fn start(responses: Vec<Canned>) -> MockServer {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("a free port on 127.0.0.1");
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let thread = std::thread::spawn(move || {
            for canned in responses {
                let request = match server.recv_timeout(IDLE) {
                    Ok(Some(request)) => request,
                    Ok(None) => {
                        return Err(format!(
                            "no request for {} {} within {IDLE:?}",
                            canned.method, canned.path
                        ));
                    }
                    Err(error) => return Err(format!("receiving: {error}")),
                };
                let method = request.method().as_str().to_owned();
                let path = request.url().to_owned();
                if method != canned.method || path != canned.path {
                    let _ = request.respond(
                        tiny_http::Response::from_data(b"unexpected request".to_vec())
                            .with_status_code(400),
                    );
                    return Err(format!(
                        "expected {} {}, got {method} {path}",
                        canned.method, canned.path
                    ));
                }
                let content_type =
                    tiny_http::Header::from_bytes("Content-Type", canned.content_type)
                        .expect("a valid header");
                let mut response = tiny_http::Response::from_data(canned.body)
                    .with_status_code(canned.status)
                    .with_header(content_type);
                for (name, value) in &canned.headers {
                    response.add_header(
                        tiny_http::Header::from_bytes(*name, value.as_bytes())
                            .expect("a valid header"),
                    );
                }
                request
                    .respond(response)
                    .map_err(|error| format!("responding: {error}"))?;
            }
            Ok(())
        });
        MockServer {
            base_url: format!("http://127.0.0.1:{port}"),
            thread,
        }
    }

    /// Waits for the server to have served every request, and reports what
    /// went wrong if anything did.
    pub fn finish(self) -> Result<(), String> {
        self.thread
            .join()
            .map_err(|_| "the server thread panicked".to_owned())?
    }
}
