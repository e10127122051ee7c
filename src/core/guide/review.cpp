// [SECTION] html helpers · [SECTION] blocks · [SECTION] screens · [SECTION] guide ·
// [SECTION] sources and glossary · [SECTION] the page
#include "core/guide/review.h"

#include <map>
#include <set>
#include <sstream>
#include <variant>

#include "core/base/overload.h"
#include "core/content/sources.h"
#include "core/guide/advice.h"
#include "core/guide/guide.h"

namespace ww {

namespace {

// ---------------------------------------------------------------- [SECTION] html helpers

std::string esc(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += ch;
        }
    }
    return out;
}

std::string list(const std::vector<Text>& items, const std::string& lang, bool numbered) {
    if (items.empty()) return {};
    std::string out = numbered ? "<ol>" : "<ul>";
    for (auto& i : items) out += "<li>" + esc(i.in(lang)) + "</li>";
    return out + (numbered ? "</ol>" : "</ul>") + "\n";
}

std::string screen_title(const Content& c, const std::string& id, const std::string& lang) {
    const Screen* s = c.screen(id);
    return s ? s->title.in(lang) : id;
}

std::string source_html(const Content& c, const std::vector<std::string>& names,
                        const std::string& lang) {
    std::string out = "<p class=\"src\">" + esc(c.word("source", lang)) + ":</p><ul class=\"src\">";
    for (auto& n : names) {
        const Link* l = c.link(n);
        if (!l) continue;
        out += "<li>" + esc(l->label.in(lang)) + " &middot; <code>" + esc(l->href) +
               "</code> &middot; " + esc(c.word("checked", lang)) + " " + esc(l->checked) +
               " <span class=\"name\">[" + esc(n) + "]</span></li>";
    }
    return out + "</ul>\n";
}

// ---------------------------------------------------------------- [SECTION] blocks

std::string block_html(const Content& c, const Block& b, const std::string& lang) {
    const Overload render{
        [&](const Paragraph& k) { return "<p>" + esc(k.text.in(lang)) + "</p>\n"; },
        [&](const Bullets& k) {
            return (k.title.empty() ? "" : "<h4>" + esc(k.title.in(lang)) + "</h4>") +
                   list(k.items, lang, false);
        },
        [&](const Numbered& k) {
            return (k.title.empty() ? "" : "<h4>" + esc(k.title.in(lang)) + "</h4>") +
                   list(k.items, lang, true);
        },
        [&](const Card& k) {
            std::string out = "<div class=\"card\"><h4>" + esc(k.title.in(lang)) + "</h4>";
            if (!k.text.empty()) out += "<p>" + esc(k.text.in(lang)) + "</p>";
            out += list(k.items, lang, false);
            if (!k.link.empty())
                out += "<p class=\"meta\">&rarr; " + esc(screen_title(c, k.link, lang)) + "</p>";
            return out + "</div>\n";
        },
        [&](const Callout& k) {
            std::string label =
                k.kind == "government" ? c.word("government_only", lang) + ": " : "";
            return "<p class=\"callout\">" + esc(label + k.text.in(lang)) + "</p>\n";
        },
        [&](const Table& k) {
            std::string out = "<table><tr>";
            for (auto& col : k.columns) out += "<th>" + esc(col.in(lang)) + "</th>";
            out += "</tr>";
            for (auto& row : k.rows) {
                out += "<tr>";
                for (auto& cell : row) out += "<td>" + esc(cell.in(lang)) + "</td>";
                out += "</tr>";
            }
            return out + "</table>\n";
        },
        [&](const Image& k) { return "<p class=\"meta\">[" + esc(k.alt.in(lang)) + "]</p>\n"; },
        [&](const Links& k) {
            std::string out = "<p class=\"meta\">&rarr; ";
            for (size_t i = 0; i < k.screens.size(); ++i)
                out += (i ? " &middot; " : "") + esc(screen_title(c, k.screens[i], lang));
            return out + "</p>\n";
        },
        [&](const Qr& k) {
            const Link* l = c.link(k.link);
            return std::string("<p class=\"meta\">QR: ") +
                   (l ? esc(l->label.in(lang)) + " <code>" + esc(l->href) + "</code>"
                      : esc(k.link)) +
                   "</p>\n";
        },
        [&](const Tiles& k) {
            std::string out = "<ul>";
            for (auto& t : k.tiles) out += "<li>" + esc(t.label.in(lang)) + "</li>";
            return out + "</ul>\n";
        },
    };
    return std::visit(render, b);
}

// ---------------------------------------------------------------- [SECTION] screens

std::string screens_html(const Content& c) {
    std::ostringstream out;
    for (auto& s : c.screens) {
        out << "<section class=\"item\" id=\"screen-" << esc(s.id) << "\"><h3>screen:" << esc(s.id)
            << "</h3>\n<div class=\"langs\">";
        for (auto& lang : c.languages) {
            out << "<div class=\"lang\"><p class=\"lang-code\">" << esc(lang)
                << "</p><h4 class=\"title\">" << esc(s.title.in(lang)) << "</h4>";
            if (s.government_only)
                out << "<p class=\"callout\">" << esc(c.word("government_only", lang)) << "</p>";
            if (!s.intro.empty()) out << "<p><em>" << esc(s.intro.in(lang)) << "</em></p>";
            for (auto& b : s.blocks) out << block_html(c, b, lang);
            out << source_html(c, s.sources, lang) << "</div>";
        }
        out << "</div></section>\n";
    }
    return out.str();
}

// ---------------------------------------------------------------- [SECTION] guide

std::string questions_html(const Content& c) {
    std::ostringstream out;
    for (auto& q : c.guide.questions) {
        out << "<section class=\"item\"><h3>question:" << esc(q.id) << "</h3><div class=\"langs\">";
        for (auto& lang : c.languages) {
            out << "<div class=\"lang\"><p class=\"lang-code\">" << esc(lang) << "</p><h4>"
                << esc(q.text.in(lang)) << "</h4>";
            if (!q.help.empty()) out << "<p><em>" << esc(q.help.in(lang)) << "</em></p>";
            out << "<ul>";
            for (auto& a : q.answers) {
                out << "<li><b>" << esc(a.label.in(lang)) << "</b> <span class=\"name\">["
                    << esc(a.value) << "]</span>";
                if (!a.why.empty()) out << "<br>" << esc(a.why.in(lang));
                out << "</li>";
            }
            out << "</ul></div>";
        }
        out << "</div></section>\n";
    }
    return out.str();
}

// Every path, grouped by result and role: the advice that role gets, in every language, and the
// answers (benefit x support) that lead to it.
std::string results_html(const Content& c, const KioskConfig::Site* site) {
    const auto paths = all_paths(c.guide);
    // result -> role -> the paths' other answers
    std::map<std::string, std::map<std::string, std::vector<std::string>>> by_result;
    std::map<std::string, std::map<std::string, Answers>> sample;  // one path's answers
    for (auto& p : paths) {
        Answers answers;
        std::string role, rest;
        for (auto& [q, v] : p.steps) {
            answers[q] = v;
            if (q == "rol")
                role = v;
            else
                rest += (rest.empty() ? "" : " + ") + v;
        }
        by_result[p.result][role].push_back(rest);
        sample[p.result][role] = answers;
    }
    std::ostringstream out;
    for (auto& r : c.guide.results) {
        out << "<section class=\"result\" id=\"result-" << esc(r.id)
            << "\"><h3>result:" << esc(r.id) << "</h3>\n";
        out << "<p class=\"meta\">desks: " << (r.desks.empty() ? std::string("-") : "");
        for (size_t i = 0; i < r.desks.size(); ++i) out << (i ? ", " : "") << esc(r.desks[i]);
        out << " &middot; forms: ";
        for (size_t i = 0; i < r.forms.size(); ++i) out << (i ? ", " : "") << esc(r.forms[i]);
        out << "</p>\n";
        for (auto& [role, rests] : by_result[r.id]) {
            out << "<div class=\"role\"><h4>rol = " << esc(role) << "</h4><p class=\"meta\">"
                << rests.size() << " paths: ";
            for (size_t i = 0; i < rests.size(); ++i)
                out << (i ? " &middot; " : "") << esc(rests[i]);
            out << "</p><div class=\"langs\">";
            const Advice a = advice_for(c, r.id, sample[r.id][role], site);
            for (auto& lang : c.languages) {
                out << "<div class=\"lang\"><p class=\"lang-code\">" << esc(lang)
                    << "</p><h4 class=\"title\">" << esc(a.title.in(lang)) << "</h4>";
                out << "<p><b>" << esc(c.word("result_counter", lang)) << "</b> "
                    << esc(a.counter.in(lang)) << "</p>";
                const auto site_text = site_lines(c, a, lang);
                if (!site_text.empty()) {
                    out << "<ul class=\"site\">";
                    for (auto& l : site_text) out << "<li>" << esc(l) << "</li>";
                    out << "</ul>";
                }
                out << "<p><b>" << esc(c.word("result_applies", lang)) << "</b> "
                    << esc(a.applies.in(lang)) << "</p>";
                out << "<p><b>" << esc(c.word("result_steps", lang)) << "</b></p>"
                    << list(a.steps, lang, true);
                if (a.link)
                    out << "<p class=\"meta\">QR: " << esc(a.link->label.in(lang)) << " <code>"
                        << esc(a.link->href) << "</code></p>";
                out << "</div>";
            }
            out << "</div></div>\n";
        }
        out << "<div class=\"langs\">";
        for (auto& lang : c.languages)
            out << "<div class=\"lang\">" << source_html(c, r.sources, lang) << "</div>";
        out << "</div></section>\n";
    }
    return out.str();
}

// ---------------------------------------------------------------- [SECTION] sources and glossary

std::string urls_html(const Content& c) {
    const auto places = places_by_link(c);
    std::ostringstream out;
    out << "<table class=\"urls\"><tr><th>name</th><th>checked</th><th>address and "
           "label</th><th>used by</th></tr>\n";
    for (auto& [name, l] : c.links) {
        out << "<tr><td>" << esc(name) << "</td><td>" << esc(l.checked) << "</td><td><code>"
            << esc(l.href) << "</code><br>";
        for (auto& lang : c.languages) out << esc(l.label.in(lang)) << "<br>";
        out << "</td><td>";
        auto it = places.find(name);
        if (it != places.end())
            for (size_t i = 0; i < it->second.size(); ++i)
                out << (i ? ", " : "") << esc(it->second[i]);
        out << "</td></tr>\n";
    }
    return out.str() + "</table>\n";
}

std::string glossary_html(const Content& c) {
    std::ostringstream out;
    out << "<table class=\"glossary\"><tr>";
    for (auto& lang : c.languages) out << "<th>" << esc(lang) << "</th>";
    out << "</tr>\n";
    for (auto& w : c.glossary) {
        out << "<tr>";
        for (auto& lang : c.languages)
            out << "<td><b>" << esc(w.term.in(lang)) << "</b><br>" << esc(w.explain.in(lang))
                << "</td>";
        out << "</tr>\n";
    }
    return out.str() + "</table>\n";
}

std::string other_html(const Content& c) {
    std::ostringstream out;
    out << "<section class=\"item\"><h3>attract loop</h3><div class=\"langs\">";
    for (auto& lang : c.languages) {
        out << "<div class=\"lang\"><p class=\"lang-code\">" << esc(lang) << "</p><ul>";
        for (auto& m : c.attract) out << "<li>" << esc(m.text.in(lang)) << "</li>";
        out << "</ul></div>";
    }
    out << "</div></section>\n";
    return out.str();
}

// ---------------------------------------------------------------- [SECTION] the page

const char* kStyle = R"(
@page { size: A4; margin: 15mm 14mm; }
body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.35; color: #111; max-width: 190mm; margin: 0 auto; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; border-bottom: 2px solid #333; page-break-before: always; } h2.first { page-break-before: avoid; }
h3 { font-size: 11pt; background: #eee; padding: 2pt 4pt; margin-bottom: 4pt; }
h4 { font-size: 10pt; margin: 6pt 0 2pt; }
section, .role { page-break-inside: avoid; break-inside: avoid; margin-bottom: 8pt; }
.result { page-break-inside: auto; }
.langs { display: table; width: 100%; table-layout: fixed; }
.lang { display: table-cell; vertical-align: top; padding-right: 6pt; }
.lang-code { font-weight: bold; color: #555; margin: 0; text-transform: uppercase; }
.card { border: 1px solid #999; padding: 2pt 5pt; margin: 4pt 0; }
.callout { border-left: 3pt solid #555; padding-left: 5pt; }
.meta, .name, .src { color: #444; font-size: 9pt; }
.site { border-left: 3pt solid #080; padding-left: 14pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #999; padding: 2pt 4pt; vertical-align: top; text-align: left; font-size: 9pt; }
code { font-size: 8pt; word-break: break-all; }
.sign { margin-top: 18pt; } .sign td { height: 22pt; }
)";

}  // namespace

std::string review_html(const Content& c, const std::string& today, const KioskConfig::Site* site) {
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"" << esc(c.languages.front())
        << "\">\n<head>\n<meta charset=\"utf-8\">\n<title>Wegwijzer: content review " << esc(today)
        << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
    out << "<h1>Wegwijzer: content review</h1>\n<p>Made on " << esc(today)
        << " from layouts/: " << c.screens.size() << " screens, " << c.guide.questions.size()
        << " questions, " << all_paths(c.guide).size() << " guide paths to "
        << c.guide.results.size() << " results, " << c.links.size() << " addresses, "
        << c.glossary.size() << " glossary words, in ";
    for (size_t i = 0; i < c.languages.size(); ++i)
        out << (i ? " and " : "") << esc(c.languages[i]);
    out << ".";
    if (site && !site->name.empty())
        out << " Site: " << esc(site->name) << " (" << esc(site->kind) << ").";
    out << "</p>\n<p>Read every result for each role in every language, check each source against "
           "its page, then sign below.</p>\n";
    out << "<table class=\"sign\"><tr><th>Checked by (name, "
           "role)</th><th>Organisation</th><th>Date</th>"
           "<th>Signature</th></tr><tr><td></td><td></td><td></td><td></td></tr><tr><td></td><td></"
           "td>"
           "<td></td><td></td></tr></table>\n";
    out << "<h2 class=\"first\">1. Sources and addresses</h2>\n" << urls_html(c);
    out << "<h2>2. Decision guide: questions</h2>\n" << questions_html(c);
    out << "<h2>3. Decision guide: every path's advice, per result and role</h2>\n"
        << results_html(c, site);
    out << "<h2>4. Screens</h2>\n" << screens_html(c) << other_html(c);
    out << "<h2>5. Glossary</h2>\n" << glossary_html(c);
    out << "</body>\n</html>\n";
    return out.str();
}

}  // namespace ww
