#include "test_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <optional>

namespace dealstream::api::testing {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

struct TestConnection::Impl {
  net::io_context ioc;
  beast::tcp_stream stream{ioc};
  beast::flat_buffer buffer;
  std::optional<http::response_parser<http::string_body>> parser;

  // Runs the operations started by `start` to completion.
  beast::error_code Run(std::chrono::milliseconds timeout,
                        const std::function<void(beast::error_code&)>& start) {
    beast::error_code result = net::error::would_block;
    stream.expires_after(timeout);
    start(result);
    ioc.restart();
    ioc.run();
    return result;
  }
};

TestConnection::TestConnection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

TestConnection::~TestConnection() {
  beast::error_code ignored;
  impl_->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
}

Result<std::unique_ptr<TestConnection>> TestConnection::Open(uint16_t port) {
  auto impl = std::make_unique<Impl>();
  Impl* raw = impl.get();
  const tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), port);
  auto ec = raw->Run(std::chrono::seconds(5), [&](beast::error_code& result) {
    raw->stream.async_connect(endpoint, [&](beast::error_code e) { result = e; });
  });
  if (ec) return Status::Unavailable("connect: " + ec.message());
  return std::unique_ptr<TestConnection>(new TestConnection(std::move(impl)));
}

Status TestConnection::SendRaw(const std::string& bytes) {
  auto ec = impl_->Run(std::chrono::seconds(10), [&](beast::error_code& result) {
    net::async_write(impl_->stream, net::buffer(bytes),
                     [&](beast::error_code e, size_t) { result = e; });
  });
  if (ec) return Status::Unavailable("write: " + ec.message());
  return Status::Ok();
}

Status TestConnection::Send(const Request& request, bool exact_headers) {
  http::request<http::string_body> req;
  req.method_string(request.method);
  req.target(request.target);
  req.version(11);
  for (const auto& [name, value] : request.headers.fields()) req.insert(name, value);
  req.body() = request.body;
  if (!exact_headers) {
    req.set(http::field::host, "127.0.0.1");
    req.prepare_payload();
  }
  auto ec = impl_->Run(std::chrono::seconds(10), [&](beast::error_code& result) {
    http::async_write(impl_->stream, req, [&](beast::error_code e, size_t) { result = e; });
  });
  if (ec) return Status::Unavailable("write: " + ec.message());
  return Status::Ok();
}

namespace {

Response Convert(const http::response_header<>& header, std::string body) {
  Response out;
  out.status = static_cast<int>(header.result_int());
  for (const auto& field : header) {
    out.headers.Add(std::string(field.name_string()), std::string(field.value()));
  }
  out.body = std::move(body);
  return out;
}

}  // namespace

Result<Response> TestConnection::Read(std::chrono::milliseconds timeout) {
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 << 20);
  auto ec = impl_->Run(timeout, [&](beast::error_code& result) {
    http::async_read(impl_->stream, impl_->buffer, parser,
                     [&](beast::error_code e, size_t) { result = e; });
  });
  if (ec) return Status::Unavailable("read: " + ec.message());
  auto message = parser.release();
  return Convert(message.base(), std::move(message.body()));
}

Result<Response> TestConnection::Call(const Request& request) {
  if (Status s = Send(request); !s.ok()) return s;
  return Read();
}

Result<Response> TestConnection::ReadHeader(std::chrono::milliseconds timeout) {
  impl_->parser.emplace();
  impl_->parser->body_limit(boost::none);
  auto ec = impl_->Run(timeout, [&](beast::error_code& result) {
    http::async_read_header(impl_->stream, impl_->buffer, *impl_->parser,
                            [&](beast::error_code e, size_t) { result = e; });
  });
  if (ec) return Status::Unavailable("read header: " + ec.message());
  return Convert(impl_->parser->get().base(), "");
}

Result<std::string> TestConnection::ReadBodyUntil(const std::string& needle,
                                                  std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (impl_->parser->get().body().find(needle) == std::string::npos) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return Status::Unavailable("timed out waiting for '" + needle + "'");
    auto ec = impl_->Run(left, [&](beast::error_code& result) {
      http::async_read_some(impl_->stream, impl_->buffer, *impl_->parser,
                            [&](beast::error_code e, size_t) { result = e; });
    });
    if (ec) {
      return Status::Unavailable("read body: " + ec.message() + "; body so far: " +
                                 impl_->parser->get().body());
    }
    if (impl_->parser->is_done() &&
        impl_->parser->get().body().find(needle) == std::string::npos) {
      return Status::Unavailable("stream ended without '" + needle + "'");
    }
  }
  return impl_->parser->get().body();
}

bool TestConnection::WaitClosed(std::chrono::milliseconds timeout) {
  std::array<char, 4096> scratch;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    size_t got = 0;
    auto ec = impl_->Run(timeout, [&](beast::error_code& result) {
      impl_->stream.async_read_some(net::buffer(scratch), [&](beast::error_code e, size_t n) {
        result = e;
        got = n;
      });
    });
    if (ec == beast::error::timeout) return false;
    if (ec) return true;  // eof or reset
    (void)got;
  }
  return false;
}

Request Get(const std::string& target, const std::string& token) {
  Request r;
  r.method = "GET";
  r.target = target;
  if (!token.empty()) r.headers.Set("Authorization", "Bearer " + token);
  return r;
}

Request Post(const std::string& target, const std::string& body, const std::string& token,
             const std::string& content_type) {
  Request r;
  r.method = "POST";
  r.target = target;
  r.body = body;
  if (!content_type.empty()) r.headers.Set("Content-Type", content_type);
  if (!token.empty()) r.headers.Set("Authorization", "Bearer " + token);
  return r;
}

}  // namespace dealstream::api::testing
