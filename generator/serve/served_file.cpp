#include "serve/served_file.h"

#include <array>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace safesite {

namespace {

// Closes a descriptor when it goes out of scope.
class Descriptor {
public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    Descriptor& operator=(Descriptor&& other) noexcept {
        std::swap(fd_, other.fd_);
        return *this;
    }
    int get() const { return fd_; }

private:
    int fd_;
};

constexpr std::size_t kMaxServedBytes = 256u << 20;  // far above any page or image the build accepts

}  // namespace

std::optional<std::string> read_served_file(const std::string& root, const std::string& relative) {
    Descriptor dir(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() < 0) return std::nullopt;
    std::size_t start = 0;
    for (;;) {
        std::size_t slash = relative.find('/', start);
        std::string name = relative.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (name.empty()) return std::nullopt;
        if (slash == std::string::npos) {
            Descriptor file(::openat(dir.get(), name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
            struct stat st;
            if (file.get() < 0 || ::fstat(file.get(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
            if (static_cast<std::size_t>(st.st_size) > kMaxServedBytes) return std::nullopt;
            std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
            std::size_t got = 0;
            while (got < bytes.size()) {
                ssize_t n = ::read(file.get(), bytes.data() + got, bytes.size() - got);
                if (n <= 0) return std::nullopt;
                got += static_cast<std::size_t>(n);
            }
            return bytes;
        }
        Descriptor next(::openat(dir.get(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (next.get() < 0) return std::nullopt;
        dir = std::move(next);
        start = slash + 1;
    }
}

std::string_view content_type_for(std::string_view path) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kTypes = {{
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".webp", "image/webp"},
        {".ico", "image/x-icon"},
        {".pdf", "application/pdf"},
        {".xml", "application/xml"},
        {".txt", "text/plain; charset=utf-8"},
        {".woff2", "font/woff2"},
    }};
    for (const auto& [ext, type] : kTypes)
        if (path.ends_with(ext)) return type;
    return "application/octet-stream";
}

}  // namespace safesite
