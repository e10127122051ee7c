// Loads and validates layouts/: kiosk.toml and screens/*.toml here, the blocks of a screen in
// toml_blocks.cpp, guide.toml in guide_loader.cpp, then the checks across files (checks.cpp).
#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/base/toml_reader.h"
#include "core/content/checks.h"
#include "core/content/content.h"
#include "core/content/extras_loader.h"
#include "core/content/guide_loader.h"
#include "core/content/toml_blocks.h"

namespace fs = std::filesystem;

namespace ww {

namespace {

class Loader {
  public:
    Loader(std::string layouts, std::string assets)
        : layouts_(std::move(layouts)), assets_(assets) {
        content_ = std::make_shared<Content>();
        content_->assets_dir = std::move(assets);
    }

    ContentLoad run() {
        read_kiosk();
        read_screens();
        read_guide(layouts_ + "/guide.toml", content_->languages, content_->guide, problems_);
        read_links(layouts_ + "/urls.toml", content_->languages, content_->links, problems_);
        read_glossary(layouts_ + "/glossary.toml", content_->languages, content_->glossary,
                      problems_);
        check_across_files(*content_, layouts_ + "/kiosk.toml", problems_);
        return {content_, std::move(problems_)};
    }

  private:
    void read_kiosk() {
        const std::string path = layouts_ + "/kiosk.toml";
        auto doc = parse_toml_file(path, problems_);
        Content& c = *content_;
        if (!doc) {
            c.languages = {"nl", "en"};  // still check the screens' translations
            return;
        }
        TomlReader pre(path, problems_);
        pre.only_keys(*doc, {"languages", "home", "language_names", "ui", "attract"}, "kiosk.toml");
        c.languages = pre.string_list(*doc, "languages", true);
        for (auto& l : c.languages)
            if (l.size() < 2 || l.size() > 5 || !valid_id(l))
                pre.problem(*doc->get("languages"), "'" + l + "' is not a language code");
        if (c.languages.empty()) c.languages = {"nl", "en"};
        TomlReader r(path, problems_, c.languages);
        c.home = r.string(*doc, "home", true).value_or("home");
        if (auto names = r.table(*doc, "language_names", true)) {
            Text t = r.text_node(*doc->get("language_names"), "language_names");
            c.language_names = t.by_lang;
            (void)names;
        }
        if (auto ui = r.table(*doc, "ui", true)) {
            for (auto&& [k, v] : *ui) {
                const std::string key(k.str());
                if (std::find(kRequiredUiWords.begin(), kRequiredUiWords.end(), key) ==
                    kRequiredUiWords.end()) {
                    r.problem(k.source(), "unknown interface word '" + key + "' in [ui]");
                    continue;
                }
                c.ui[key] = r.text_node(v, "ui." + key);
            }
            for (auto& w : kRequiredUiWords)
                if (!ui->contains(w)) r.problem(*ui, "[ui] is missing the word '" + w + "'");
        }
        for_each_table(r, *doc, "attract", false, "attract",
                       [&](const toml::node&, const toml::table& t) {
                           r.only_keys(t, {"text", "image"}, "[[attract]]");
                           AttractMessage m;
                           m.text = r.text(t, "text", true);
                           m.image = r.string(t, "image", false).value_or("");
                           if (!m.image.empty()) assets_.check(r, *t.get("image"), m.image);
                           c.attract.push_back(std::move(m));
                       });
    }

    void read_screens() {
        std::vector<fs::path> files;
        std::error_code ec;
        for (auto& e : fs::directory_iterator(layouts_ + "/screens", ec))
            if (e.path().extension() == ".toml") files.push_back(e.path());
        if (ec) problems_.push_back({layouts_ + "/screens", 0, 0, "cannot read folder"});
        std::sort(files.begin(), files.end());
        if (files.size() > 500) {
            problems_.push_back({layouts_ + "/screens", 0, 0, "more than 500 screens"});
            files.resize(500);
        }
        for (auto& f : files) read_screen(f);
    }

    void read_screen(const fs::path& file) {
        const std::string path = file.string();
        auto doc = parse_toml_file(path, problems_);
        if (!doc) return;
        TomlReader r(path, problems_, content_->languages);
        Screen s;
        s.id = file.stem().string();
        s.loc = {path, 1, 1};
        if (!valid_id(s.id))
            r.problem(*doc, "screen id '" + s.id + "' (the file name) may only use a-z, 0-9 and -");
        r.only_keys(*doc, {"title", "intro", "sources", "government_only", "block"}, "screen");
        s.title = r.text(*doc, "title", true);
        s.intro = r.text(*doc, "intro", false);
        read_sources(r, *doc, s.sources, s.sources_loc);
        s.government_only = r.boolean(*doc, "government_only").value_or(false);
        if (auto blocks = r.array(*doc, "block", false)) {
            for (auto&& item : *blocks) {
                if (auto t = item.as_table()) {
                    if (auto b = read_block(r, *t, assets_)) s.blocks.push_back(std::move(*b));
                } else {
                    r.problem(item, "[[block]] entries must be tables");
                }
            }
        }
        content_->screens.push_back(std::move(s));
    }

    std::string layouts_;
    std::shared_ptr<Content> content_;
    Problems problems_;
    AssetChecks assets_;
};

}  // namespace

ContentLoad load_content(const std::string& layouts_dir, const std::string& assets_dir) {
    return Loader(layouts_dir, assets_dir).run();
}

}  // namespace ww
