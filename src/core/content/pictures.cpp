#include "core/content/pictures.h"

#include <algorithm>

#include "core/base/overload.h"

namespace ww {

std::vector<std::string> pictures_on(const Content& c, const std::string& screen_id) {
    std::vector<std::string> files;
    auto add = [&files](const std::string& f) {
        if (!f.empty() && std::find(files.begin(), files.end(), f) == files.end())
            files.push_back(f);
    };
    if (const Screen* s = c.screen(screen_id))
        for (const Block& b : s->blocks)
            std::visit(Overload{[&](const Tiles& t) {
                                    for (const Tile& tile : t.tiles) add(tile.image);
                                },
                                [&](const Image& i) { add(i.file); }, [](const auto&) {}},
                       b);
    return files;
}

}  // namespace ww
