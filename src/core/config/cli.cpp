#include "core/config/cli.h"

#include <cstdio>

#include "core/config/choices.h"

namespace ww {

std::string usage() {
    return R"(Usage: wegwijzer [options]

  --config FILE        kiosk profile (default: /etc/wegwijzer/kiosk.toml when installed,
                       else kiosk-config/default.toml)
  --layouts DIR        content folder (default: /usr/share/wegwijzer/layouts when installed,
                       else the source tree's layouts/)
  --set KEY=VALUE      override one config key, repeatable (e.g. session.idle_timeout=5)
  --windowed           run in a window instead of fullscreen kiosk mode
  --size WxH           window / proof size in pixels (e.g. 1080x1920)
  --lang CODE          start language (e.g. nl, en)
  --theme NAME         normal | high-contrast
  --text-size SIZE     normal | large | larger
  --check              validate config and layouts; print problems as file:line:col: message
  --proof DIR          render every screen, question and result to DIR/<id>.png and exit
  --speak SCREEN --wav FILE
                       write what "read aloud" says for SCREEN (in --lang) to a WAV file
  --guide ANSWERS      print the guide's advice for one path as plain text, e.g.
                       --guide rol=werknemer,uitkering=wajong,steun=eigen (in --lang)
  --list-urls          print every web address in the content (QR pages and sources) with its
                       check date and the screens and results that rest on it
  --review FILE.html   write the content for sign-off as one HTML page (no scripts, prints on
                       A4): every screen, every guide path's advice per role, each result's
                       sources and check dates, every address, the glossary; with --config,
                       the profile's [site] as that kiosk shows it
  --hash-pin           ask for a PIN (8-12 digits; not shown, asked twice on a terminal,
                       one line from a pipe) and print the hash for admin.pin_hash
  --stats [--days N]   print the anonymous usage figures of the last N days (default 28) from
                       <state.dir>/stats.sqlite: sessions per day and hour, length, places,
                       guide results, where visitors stop, languages, accessibility, QR codes
  --stats-csv FILE     the same figures as CSV (figure,key,value; FILE - = stdout)
  --log-items          log the position of every button after each change (test automation)
  --log-visits         also log what a visitor does (places, answers, results, language,
                       accessibility): for tests and bench only, never on a kiosk
  --log-latency        log event=tap_latency ms=N for each tap or key that shows a new place:
                       from the input to the end of the swap that shows it (make bench)
  --tour               after the first frame, show every place once in every text size, then
                       home again, and log event=tour_done (make bench: memory after a tour)
  --help-config        list every config key with its default
  --help, --version
)";
}

CliParse parse_cli(const std::vector<std::string>& args) {
    CliParse out;
    CliOptions& o = out.options;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= args.size()) {
                out.error = a + " needs a value";
                return false;
            }
            into = args[++i];
            return true;
        };
        std::string v;
        if (a == "--config") {
            if (!value(o.config)) return out;
        } else if (a == "--layouts") {
            if (!value(o.layouts)) return out;
        } else if (a == "--set") {
            if (!value(v)) return out;
            o.sets.push_back(v);
        } else if (a == "--windowed")
            o.windowed = true;
        else if (a == "--size") {
            if (!value(v)) return out;
            int w = 0, h = 0;
            char x = 0, extra = 0;
            if (sscanf(v.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || x != 'x' || w < 320 ||
                h < 240 || w > 8192 || h > 8192) {
                out.error = "--size expects WxH, e.g. 1920x1080 (320x240 .. 8192x8192)";
                return out;
            }
            o.width = w;
            o.height = h;
        } else if (a == "--lang") {
            if (!value(o.lang)) return out;
        } else if (a == "--theme") {
            if (!value(o.theme)) return out;
            if (!is_one_of(kThemeNames, o.theme)) {
                out.error = "--theme expects normal or high-contrast";
                return out;
            }
        } else if (a == "--text-size") {
            if (!value(o.text_size)) return out;
            if (!is_one_of(kTextSizeNames, o.text_size)) {
                out.error = "--text-size expects normal, large or larger";
                return out;
            }
        } else if (a == "--check")
            o.check = true;
        else if (a == "--proof") {
            if (!value(o.proof_dir)) return out;
        } else if (a == "--speak") {
            if (!value(o.speak_screen)) return out;
        } else if (a == "--wav") {
            if (!value(o.wav)) return out;
        } else if (a == "--guide") {
            if (!value(o.guide)) return out;
        } else if (a == "--list-urls")
            o.list_urls = true;
        else if (a == "--review") {
            if (!value(o.review)) return out;
        } else if (a == "--hash-pin")
            o.hash_pin = true;
        else if (a == "--log-items")
            o.log_items = true;
        else if (a == "--log-visits")
            o.log_visits = true;
        else if (a == "--log-latency")
            o.log_latency = true;
        else if (a == "--tour")
            o.tour = true;
        else if (a == "--stats")
            o.stats = true;
        else if (a == "--stats-csv") {
            if (!value(o.stats_csv)) return out;
        } else if (a == "--days") {
            if (!value(v)) return out;
            char extra = 0;
            if (sscanf(v.c_str(), "%d%c", &o.stats_days, &extra) != 1 || o.stats_days < 1 ||
                o.stats_days > 3650) {
                out.error = "--days expects a number of days, 1..3650";
                return out;
            }
        } else if (a == "--help-config")
            o.help_config = true;
        else if (a == "--help" || a == "-h")
            o.help = true;
        else if (a == "--version")
            o.version = true;
        else {
            out.error = "unknown option '" + a + "'";
            return out;
        }
    }
    if (!o.speak_screen.empty() && o.wav.empty()) out.error = "--speak needs --wav FILE";
    return out;
}

}  // namespace ww
