#include "api/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace dealstream::api {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

Result<Response> HttpCall(const std::string& host, uint16_t port, const Request& request,
                          std::chrono::milliseconds timeout) {
  try {
    net::io_context ioc;
    tcp::resolver resolver(ioc);
    beast::error_code ec;
    auto endpoints = resolver.resolve(host, std::to_string(port), ec);
    if (ec) return Status::Unavailable("cannot resolve " + host + ": " + ec.message());

    http::request<http::string_body> req;
    req.method_string(request.method);
    req.target(request.target);
    req.version(11);
    for (const auto& [name, value] : request.headers.fields()) req.insert(name, value);
    req.set(http::field::host, host + ":" + std::to_string(port));
    req.body() = request.body;
    req.keep_alive(false);
    req.prepare_payload();

    beast::tcp_stream stream(ioc);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 << 20);
    beast::error_code failure;
    std::string stage = "connect to";
    stream.expires_after(timeout);
    stream.async_connect(endpoints, [&](beast::error_code e, const tcp::endpoint&) {
      if (e) return void(failure = e);
      stage = "send to";
      http::async_write(stream, req, [&](beast::error_code e, size_t) {
        if (e) return void(failure = e);
        stage = "read from";
        http::async_read(stream, buffer, parser, [&](beast::error_code e, size_t) { failure = e; });
      });
    });
    ioc.run();
    if (failure) {
      return Status::Unavailable("cannot " + stage + " " + host + ":" + std::to_string(port) +
                                 ": " + failure.message());
    }
    http::response<http::string_body> res = parser.release();
    Response out;
    out.status = static_cast<int>(res.result_int());
    for (const auto& field : res) {
      out.headers.Add(std::string(field.name_string()), std::string(field.value()));
    }
    out.body = std::move(res.body());
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    return out;
  } catch (const std::exception& e) {
    return Status::Unavailable(std::string("HTTP call failed: ") + e.what());
  }
}

}  // namespace dealstream::api
