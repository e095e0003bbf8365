#include "replay/aes_gcm.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace dealstream::replay {
namespace {

constexpr size_t kNonceSize = 12;
constexpr size_t kTagSize = 16;

struct CtxDeleter {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using Ctx = std::unique_ptr<EVP_CIPHER_CTX, CtxDeleter>;

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

Result<std::string> AesGcmSeal(const AesKey& key, std::string_view aad,
                               std::string_view plaintext) {
  std::string out(kNonceSize + plaintext.size() + kTagSize, '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  if (RAND_bytes(nonce, kNonceSize) != 1) return Status::Internal("RAND_bytes failed");
  Ctx ctx(EVP_CIPHER_CTX_new());
  int len = 0;
  auto* body = nonce + kNonceSize;
  if (!ctx ||
      EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) != 1 ||
      EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), nonce) != 1 ||
      EVP_EncryptUpdate(ctx.get(), nullptr, &len, Bytes(aad), static_cast<int>(aad.size())) != 1 ||
      EVP_EncryptUpdate(ctx.get(), body, &len, Bytes(plaintext),
                        static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), body + len, &len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize,
                          body + plaintext.size()) != 1) {
    return Status::Internal("AES-256-GCM encryption failed");
  }
  return out;
}

Result<std::string> AesGcmOpen(const AesKey& key, std::string_view aad, std::string_view sealed) {
  if (sealed.size() < kNonceSize + kTagSize) {
    return Status::Corruption("sealed data is shorter than a nonce and a tag");
  }
  const size_t body_size = sealed.size() - kNonceSize - kTagSize;
  const std::string_view nonce = sealed.substr(0, kNonceSize);
  const std::string_view body = sealed.substr(kNonceSize, body_size);
  std::string tag(sealed.substr(kNonceSize + body_size));
  std::string out(body_size, '\0');
  Ctx ctx(EVP_CIPHER_CTX_new());
  int len = 0;
  auto* plain = reinterpret_cast<unsigned char*>(out.data());
  const bool ok =
      ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
      EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), Bytes(nonce)) == 1 &&
      EVP_DecryptUpdate(ctx.get(), nullptr, &len, Bytes(aad), static_cast<int>(aad.size())) == 1 &&
      EVP_DecryptUpdate(ctx.get(), plain, &len, Bytes(body), static_cast<int>(body.size())) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) == 1 &&
      EVP_DecryptFinal_ex(ctx.get(), plain + len, &len) == 1;
  if (!ok) return Status::Corruption("sealed data failed authentication");
  return out;
}

}  // namespace dealstream::replay
