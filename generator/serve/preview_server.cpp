#include "serve/preview_server.h"

#include "pipeline/locations.h"
#include "serve/folder_watcher.h"
#include "serve/preview_state.h"
#include "serve/request_path.h"
#include "serve/served_file.h"
#include "support/escape.h"

#include <httplib.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

namespace safesite {

namespace {

constexpr const char* kHost = "127.0.0.1";  // the preview is for this machine only, never the network
constexpr std::string_view kOwnPrefix = "/_safesite/";

// The page's side of the reload: listen for builds; reload after a good one,
// show the errors after a bad one. Served from our own origin, so the public
// site's Content-Security-Policy (default-src 'self') allows it unchanged.
constexpr const char* kLiveScript = R"JS((function () {
  var me = document.currentScript;
  var since = new URL(me.src).searchParams.get("since") || "0";
  var back = new URLSearchParams(location.search).get("back");
  var events = new EventSource("/_safesite/events?since=" + encodeURIComponent(since));
  events.addEventListener("built", function () {
    events.close();
    if (location.pathname === "/_safesite/errors") location.assign(back || "/");
    else location.reload();
  });
  events.addEventListener("failed", function () {
    events.close();
    var from = location.pathname === "/_safesite/errors" ? (back || "/") : location.pathname + location.search + location.hash;
    location.assign("/_safesite/errors?back=" + encodeURIComponent(from));
  });
})();
)JS";

std::string live_script_tag(std::uint64_t generation) {
    return "<script src=\"/_safesite/live.js?since=" + std::to_string(generation) + "\" defer></script>";
}

// The served copy of a page gets the reload script; the files on disk never do.
std::string with_live_script(std::string html, std::uint64_t generation) {
    std::size_t body_end = html.rfind("</body>");
    std::string tag = live_script_tag(generation);
    if (body_end == std::string::npos) html += tag;
    else html.insert(body_end, tag);
    return html;
}

std::string errors_page(const PreviewState::Build& build) {
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>The content has errors - safesite preview</title>\n"
        "<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;line-height:1.5}"
        "pre{white-space:pre-wrap;background:#f3f2f1;padding:1rem;border-left:5px solid #d4351c;overflow-wrap:anywhere}</style>\n"
        "</head>\n<body>\n<main>\n";
    if (build.ok) {
        html += "<h1>The content has no errors</h1>\n<p><a href=\"/\">Go to the site</a>.</p>\n";
    } else {
        html += "<h1>The content has errors</h1>\n"
                "<p>Nothing was published: the preview still shows the last site that built. "
                "Fix what is listed below and save; this page goes back to where you were by itself.</p>\n<pre>";
        html += escape_text(build.errors);
        html += "</pre>\n";
    }
    html += "</main>\n" + live_script_tag(build.generation) + "\n</body>\n</html>\n";
    return html;
}

void no_store(httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
}

// Errors first: they are what stopped the build.
std::string diagnostics_text(const Diagnostics& diags) {
    std::string errors, warnings;
    diags.for_each_sorted([&](const Diagnostic& d) { (d.severity == Severity::error ? errors : warnings) += format_diagnostic(d); });
    return errors + warnings;
}

class PreviewServer {
public:
    PreviewServer(FileSystem& fs, PreviewOptions options) : fs_(fs), options_(std::move(options)) {}

    int run() {
        // Settle the folders once, as a build would, so the watcher and the
        // server look where the builds write.
        BuildOptions& o = options_.build;
        if (o.restricted_dir.empty()) o.restricted_dir = restricted_beside(o.out_dir);
        if (o.templates_dir.empty()) {
            Diagnostics not_found;  // the build reports it, with the rest
            o.templates_dir = find_templates(fs_, o.content_dir, o.installed_templates_dir, not_found);
        }
        build();
        FolderWatcher watcher({options_.build.content_dir, options_.build.templates_dir});
        if (!watcher.ok()) {
            std::cerr << "safesite: " << watcher.error() << "\n";
            return 1;
        }
        routes();
        int port = options_.port;
        if (port == 0) port = server_.bind_to_any_port(kHost);
        else if (!server_.bind_to_port(kHost, port)) port = -1;
        if (port < 0) {
            std::cerr << "safesite: cannot serve on " << kHost << ":" << options_.port
                      << "; is another preview running? Choose another port with --port N\n";
            return 1;
        }
        std::cout << "safesite: serving http://" << kHost << ":" << port << "/ (children's documents under http://" << kHost
                  << ":" << port << kRestrictedPrefix << "); press Ctrl+C to stop" << std::endl;

        std::thread rebuilder([&] {
            while (watcher.wait_for_change(std::chrono::milliseconds(50))) build();
        });
        server_.listen_after_bind();
        watcher.stop();
        rebuilder.join();
        return 0;
    }

private:
    void build() {
        auto started = std::chrono::steady_clock::now();
        BuildReport report = build_site(fs_, options_.build);
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        std::string text = diagnostics_text(report.diags);
        if (!options_.quiet || !report.ok()) {
            std::cerr << text;
            char line[160];
            if (report.ok())
                std::snprintf(line, sizeof line, "safesite: built in %.0f ms: %d of %d pages rebuilt, %d files written\n", ms,
                              report.pages_built, report.pages, report.files);
            else
                std::snprintf(line, sizeof line, "safesite: %d errors; the preview keeps the last good site\n",
                              report.diags.error_count());
            std::cerr << line;
        }
        state_.finished(report.ok(), report.ok() ? std::string() : text);
    }

    void routes() {
        server_.set_keep_alive_max_count(100);
        server_.Get(R"(/_safesite/live\.js)", [](const httplib::Request&, httplib::Response& res) {
            no_store(res);
            res.set_content(kLiveScript, "text/javascript; charset=utf-8");
        });
        server_.Get(R"(/_safesite/errors)", [this](const httplib::Request&, httplib::Response& res) {
            no_store(res);
            res.set_content(errors_page(state_.last()), "text/html; charset=utf-8");
        });
        server_.Get(R"(/_safesite/events)", [this](const httplib::Request& req, httplib::Response& res) { events(req, res); });
        server_.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) { file(req, res); });
    }

    // Server-sent events: "built" or "failed" after each build later than the
    // page's own. A stream ends after half a minute and the browser opens a
    // new one, so an idle tab never holds a server thread for long.
    void events(const httplib::Request& req, httplib::Response& res) {
        std::uint64_t since = 0;
        try {
            since = std::stoull(req.get_param_value("since"));
        } catch (...) {
            since = state_.last().generation;
        }
        no_store(res);
        auto opened = std::chrono::steady_clock::now();
        bool greeted = false;
        res.set_chunked_content_provider("text/event-stream", [this, since, opened, greeted](std::size_t, httplib::DataSink& sink) mutable {
            if (!greeted) {
                greeted = true;
                std::string hello = "retry: 300\n\n";
                return sink.write(hello.data(), hello.size());
            }
            PreviewState::Build b = state_.wait_after(since, std::chrono::seconds(10));
            std::string message;
            if (b.generation > since) {
                since = b.generation;
                message = std::string("event: ") + (b.ok ? "built" : "failed") + "\ndata: " + std::to_string(b.generation) + "\n\n";
            } else {
                message = ": still here\n\n";
            }
            if (!sink.write(message.data(), message.size())) return false;
            if (std::chrono::steady_clock::now() - opened > std::chrono::seconds(30)) sink.done();
            return true;
        });
    }

    void file(const httplib::Request& req, httplib::Response& res) {
        no_store(res);
        auto wanted = request_path(req.target);
        if (!wanted || req.target.starts_with(kOwnPrefix)) {
            res.status = 404;
            res.set_content("Not found\n", "text/plain; charset=utf-8");
            return;
        }
        const std::string& root = wanted->restricted ? options_.build.restricted_dir : options_.build.out_dir;
        std::string path = wanted->relative;
        std::optional<std::string> bytes = read_served_file(root, path);
        if (!bytes && wanted->try_html) {
            path += ".html";
            bytes = read_served_file(root, path);
        }
        if (!bytes) {
            PreviewState::Build b = state_.last();
            res.status = 404;
            if (!b.ok) res.set_content(errors_page(b), "text/html; charset=utf-8");
            else if (auto page = read_served_file(options_.build.out_dir, "404.html"))
                res.set_content(with_live_script(*page, b.generation), "text/html; charset=utf-8");
            else res.set_content("Not found\n", "text/plain; charset=utf-8");
            return;
        }
        std::string_view type = content_type_for(path);
        // The children's documents load nothing but themselves (their policy
        // allows no script), so they are served exactly as built.
        if (!wanted->restricted && path.ends_with(".html")) *bytes = with_live_script(std::move(*bytes), state_.last().generation);
        res.set_content(std::move(*bytes), std::string(type));
    }

    FileSystem& fs_;
    PreviewOptions options_;
    PreviewState state_;
    httplib::Server server_;
};

}  // namespace

int run_preview(FileSystem& fs, PreviewOptions options) {
    PreviewServer server(fs, std::move(options));
    return server.run();
}

}  // namespace safesite
