// Drawing the three kinds of place from content: information screens (block by block),
// guide questions and guide results.
//
// [SECTION] block drawing: lists, links, tables, callouts, tiles, one std::visit
// [SECTION] screens, questions, results
#include "ui/screens.h"

#include <algorithm>
#include <string>
#include <variant>

#include "core/base/overload.h"
#include "core/content/sources.h"
#include "core/guide/guide.h"
#include "ui/widgets.h"

namespace ww {

// ---------------------------------------------------------------- [SECTION] block drawing

namespace {

// QR codes are about 7 cm square, and never under 300 px.
float qr_side(const DrawContext& c) {
    return std::max(70.0f * c.m.px_per_mm, 300.0f);
}

void spacer(const DrawContext& c, float factor = 1.0f) {
    ImGui::Dummy({1, c.m.body * 0.6f * factor});
}

void heading(DrawContext& c, const std::string& text, float width) {
    text_block(text, c.fonts.heading, u32(c.p.text), width);
}

void list(DrawContext& c, const std::vector<Text>& items, bool numbered, float width, Rgb color) {
    ImFont* f = c.fonts.body;
    const float indent = f->FontSize * 1.6f;
    int n = 1;
    for (auto& item : items) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (numbered) {
            const std::string num = std::to_string(n++) + ".";
            dl->AddText(f, f->FontSize, pos, u32(color), num.c_str());
        } else {
            dl->AddCircleFilled({pos.x + f->FontSize * 0.45f, pos.y + f->FontSize * 0.55f},
                                f->FontSize * 0.16f, u32(c.p.accent));
        }
        ImGui::SetCursorScreenPos({pos.x + indent, pos.y});
        ImGui::BeginGroup();
        text_block(c.tr(item), f, u32(color), width - indent);
        ImGui::EndGroup();
        ImGui::SetCursorScreenPos({pos.x, ImGui::GetItemRectMax().y + f->FontSize * 0.3f});
        ImGui::Dummy({0, 0});
    }
}

void links(DrawContext& c, const std::vector<std::string>& screens, float width) {
    const int cols = c.m.narrow ? 1 : 2;
    const float w = (width - (cols - 1) * c.m.gap) / cols;
    int i = 0;
    for (auto& id : screens) {
        const Screen* target = c.content.screen(id);
        if (!target) continue;
        if (i % cols != 0) ImGui::SameLine(0, c.m.gap);
        if (big_button(c, ("##link-" + id).c_str(), c.tr(target->title), w, c.m.target,
                       ButtonStyle::Secondary, "arrow"))
            c.request(Action::Open, id);
        ++i;
    }
}

void table(DrawContext& c, const Table& b, float width) {
    const size_t cols = b.columns.size();
    if (cols == 0) return;
    // Too narrow for side by side: one card per column (per form), rows as label + value.
    if (c.m.narrow || width / cols < c.m.body * 8) {
        for (size_t col = 1; col < cols; ++col) {
            begin_card(c, width);
            const float inner = width - c.fonts.body->FontSize * 1.6f;
            heading(c, c.tr(b.columns[col]), inner);
            for (auto& row : b.rows) {
                if (row.size() != cols) continue;
                text_block(c.tr(row[0]), c.fonts.bold, u32(c.p.card_text), inner);
                text_block(c.tr(row[col]), c.fonts.body, u32(c.p.card_text), inner);
                ImGui::Dummy({1, c.m.body * 0.25f});
            }
            end_card(c, ("##stack" + std::to_string(col)).c_str(), c.p.card_bg, c.p.card_border,
                     false);
            spacer(c, 0.5f);
        }
        return;
    }
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame;
    ImGui::PushFont(c.fonts.body);
    if (ImGui::BeginTable("##table", static_cast<int>(cols), flags, {width, 0})) {
        for (size_t col = 0; col < cols; ++col)
            ImGui::TableSetupColumn(("##c" + std::to_string(col)).c_str(),
                                    ImGuiTableColumnFlags_WidthStretch, col == 0 ? 1.2f : 1.0f);
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (size_t col = 0; col < cols; ++col) {
            ImGui::TableSetColumnIndex(static_cast<int>(col));
            ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, u32(c.p.header_bg));
            text_block(c.tr(b.columns[col]), c.fonts.bold, u32(c.p.header_text),
                       ImGui::GetContentRegionAvail().x);
        }
        for (auto& row : b.rows) {
            ImGui::TableNextRow();
            for (size_t col = 0; col < row.size() && col < cols; ++col) {
                ImGui::TableSetColumnIndex(static_cast<int>(col));
                text_block(c.tr(row[col]), col == 0 ? c.fonts.bold : c.fonts.body,
                           u32(c.p.card_text), ImGui::GetContentRegionAvail().x);
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopFont();
}

void callout(DrawContext& c, const std::string& kind, const std::string& text, float width) {
    const Rgb bg = c.p.callout_bg;
    begin_card(c, width);
    const float fs = c.fonts.bold->FontSize;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool gov = kind == "government";
    icon(ImGui::GetWindowDrawList(), kind == "warning" ? "warn" : "info",
         {pos.x + fs * 0.6f, pos.y + fs * 0.6f}, fs * 1.1f, u32(c.p.accent));
    ImGui::SetCursorScreenPos({pos.x + fs * 1.6f, pos.y});
    ImGui::BeginGroup();
    const float inner = width - fs * 1.6f - c.fonts.body->FontSize * 1.6f;
    if (gov) text_block(c.word("government_only"), c.fonts.bold, u32(c.p.callout_text), inner);
    text_block(text, kind == "warning" ? c.fonts.bold : c.fonts.body, u32(c.p.callout_text), inner);
    ImGui::EndGroup();
    end_card(c, "##callout", bg, c.p.accent, false);
}

void tiles(DrawContext& c, const std::vector<Tile>& tiles, float width) {
    const int cols = c.m.width >= c.m.height * 1.2f && width > c.m.body * 30 ? 3 : 2;
    const int rows = (static_cast<int>(tiles.size()) + cols - 1) / cols;
    const float w = (width - (cols - 1) * c.m.gap) / cols;
    // All tiles on one screen where possible (share the height left below the title),
    // but always room for two lines of label and a picture: else the screen scrolls.
    const float room = (c.m.height - ImGui::GetCursorScreenPos().y - c.m.pad) / rows - c.m.gap;
    const float label = c.fonts.heading->FontSize * 3.2f;
    const float h = std::max({c.m.target * 2.0f, label + w * 0.3f, std::min(w * 0.78f, room)});
    int i = 0;
    for (auto& t : tiles) {
        if (i % cols != 0)
            ImGui::SameLine(0, c.m.gap);
        else if (i > 0)
            ImGui::Dummy({1, c.m.gap - ImGui::GetStyle().ItemSpacing.y});
        if (tile(c, ("##tile-" + t.screen).c_str(), t.image, c.tr(t.label), w, h))
            c.request(t.screen == kGuideTarget ? Action::StartGuide : Action::Open, t.screen);
        ++i;
    }
}

void block(DrawContext& c, const Block& b, float width, int index) {
    ImGui::PushID(index);
    const ImU32 text = u32(c.p.text);
    const Overload draw{
        [&](const Paragraph& k) { text_block(c.tr(k.text), c.fonts.body, text, width); },
        [&](const Bullets& k) {
            if (!k.title.empty()) heading(c, c.tr(k.title), width);
            list(c, k.items, false, width, c.p.text);
        },
        [&](const Numbered& k) {
            if (!k.title.empty()) heading(c, c.tr(k.title), width);
            list(c, k.items, true, width, c.p.text);
        },
        [&](const Card& k) {
            begin_card(c, width);
            const float inner = width - c.fonts.body->FontSize * 3.2f;
            text_block(c.tr(k.title), c.fonts.heading, u32(c.p.card_text), inner);
            text_block(c.tr(k.text), c.fonts.body, u32(c.p.card_text), inner);
            if (!k.items.empty()) list(c, k.items, false, inner, c.p.card_text);
            const std::string id = "##card-" + (k.link.empty() ? std::to_string(index) : k.link);
            if (end_card(c, id.c_str(), c.p.card_bg, c.p.card_border, !k.link.empty(),
                         c.tr(k.title)))
                c.request(Action::Open, k.link);
        },
        [&](const Callout& k) { callout(c, k.kind, c.tr(k.text), width); },
        [&](const Table& k) { table(c, k, width); },
        [&](const Image& k) {
            const TextureInfo t = c.textures.get(k.file);
            if (t.width > 0 && t.height > 0) {
                const float w = std::min(width, t.width * std::max(1.0f, c.m.body / 28.0f));
                const float h = w * t.height / t.width;
                if (t.id)
                    ImGui::Image(t.id, {w, h});
                else
                    ImGui::Dummy({w, h});
            }
        },
        [&](const Links& k) { links(c, k.screens, width); },
        [&](const Qr& k) {
            const Link* l = c.content.link(k.link);
            if (!l) return;
            text_block(c.tr(l->label), c.fonts.bold, text, width);
            text_block(c.word("scan_qr"), c.fonts.body, u32(c.p.muted), width);
            qr_code(c, l->href, qr_side(c), l->href);
        },
        [&](const Tiles& k) { tiles(c, k.tiles, width); },
    };
    std::visit(draw, b);
    ImGui::PopID();
    spacer(c);
}

// The hard words of the place shown, with what they mean (layouts/glossary.toml).
void glossary_block(DrawContext& c, const std::vector<const GlossaryWord*>& words, float width) {
    if (words.empty()) return;
    begin_card(c, width);
    const float inner = width - c.fonts.body->FontSize * 1.6f;
    text_block(c.word("glossary_title"), c.fonts.heading, u32(c.p.card_text), inner);
    for (auto* w : words) {
        text_block(c.tr(w->term), c.fonts.bold, u32(c.p.card_text), inner);
        text_block(c.tr(w->explain), c.fonts.body, u32(c.p.card_text), inner);
    }
    end_card(c, "##glossary", c.p.card_bg, c.p.muted, false);
    spacer(c);
}

// A QR code with its label and "scan me" above it, `w` wide.
void labelled_qr(DrawContext& c, const std::string& label, const std::string& data,
                 const std::string& caption, float w) {
    ImGui::BeginGroup();
    text_block(label, c.fonts.bold, u32(c.p.text), w);
    text_block(c.word("scan_qr"), c.fonts.body, u32(c.p.muted), w);
    qr_code(c, data, qr_side(c), caption);
    ImGui::EndGroup();
}

void source_line(DrawContext& c, const std::vector<std::string>& sources, float width) {
    ImGui::Separator();
    const SourceLine s = ww::source_line(c.content, sources, c.lang());
    const std::string line =
        c.word("source") + ": " + s.text + "  ·  " + c.word("checked") + ": " + s.checked;
    text_block(line, c.fonts.small, u32(c.p.muted), width);
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] screens, questions,
// results

void draw_screen(DrawContext& c, const Screen& s, const PlaceTexts& texts, float width) {
    text_block(c.tr(s.title), c.fonts.title, u32(c.p.text), width);
    if (s.government_only) callout(c, "government", "", width);
    spacer(c, 0.5f);
    if (!s.intro.empty()) {
        text_block(c.tr(s.intro), c.fonts.body, u32(c.p.text), width);
        spacer(c);
    }
    int i = 0;
    for (auto& b : s.blocks) block(c, b, width, i++);
    glossary_block(c, texts.glossary, width);
    source_line(c, s.sources, width);
}

void draw_question(DrawContext& c, const Question& q, float width) {
    auto [n, total] = question_progress(c.session, c.content.guide);
    std::string progress =
        fill(fill(c.word("question_of"), "n", std::to_string(n)), "total", std::to_string(total));
    text_block(progress, c.fonts.body, u32(c.p.muted), width);
    text_block(c.tr(q.text), c.fonts.title, u32(c.p.text), width);
    focusable(c, "##question", c.tr(q.text));  // speech mode: the question can be heard again
    if (!q.help.empty()) text_block(c.tr(q.help), c.fonts.body, u32(c.p.text), width);
    spacer(c);
    const int cols = c.m.narrow || q.answers.size() <= 3 ? 1 : 2;
    const float w = (width - (cols - 1) * c.m.gap) / cols;
    int i = 0;
    for (auto& a : q.answers) {
        if (i % cols != 0)
            ImGui::SameLine(0, c.m.gap);
        else if (i > 0)
            ImGui::Dummy({1, c.m.gap - ImGui::GetStyle().ItemSpacing.y});
        const bool dont_know = a.value == kDontKnowAnswer;
        if (big_button(c, ("##answer-" + a.value).c_str(), c.tr(a.label), w, c.m.target,
                       dont_know ? ButtonStyle::Secondary : ButtonStyle::Primary))
            c.request(Action::Answer, a.value);
        ++i;
    }
}

void draw_result(DrawContext& c, const PlaceTexts& texts, float width) {
    const Advice& a = texts.advice;
    const GuideResult& r = *a.result;
    text_block(c.word("result_forms"), c.fonts.body, u32(c.p.muted), width);
    text_block(c.tr(a.title), c.fonts.title, u32(c.p.text), width);
    spacer(c);
    links(c, r.forms, width);
    spacer(c);
    if (!a.why.empty()) {
        heading(c, c.word("result_why"), width);
        text_block(why_line(a, c.lang()), c.fonts.body, u32(c.p.text), width);
        spacer(c);
    }
    const bool side = !c.m.narrow;
    const float col = side ? (width - c.m.gap) / 2 : width;
    begin_card(c, col);
    const float inner = col - c.fonts.body->FontSize * 1.6f;
    text_block(c.word("result_counter"), c.fonts.body, u32(c.p.card_text), inner);
    text_block(c.tr(a.counter), c.fonts.heading, u32(c.p.card_text), inner);
    // The kiosk's own desk ([site]) when the advice points at its kind: intro, name, details.
    const std::vector<std::string> site = site_lines(c.content, a, c.lang());
    for (size_t i = 0; i < site.size(); ++i)
        text_block(site[i], i == 1 ? c.fonts.bold : c.fonts.body, u32(c.p.card_text), inner);
    end_card(c, "##counter", c.p.card_bg, c.p.accent, false);
    const float counter_bottom = ImGui::GetItemRectMax().y;
    if (side) ImGui::SameLine(0, c.m.gap);
    begin_card(c, col);
    text_block(c.word("result_applies"), c.fonts.body, u32(c.p.card_text), inner);
    text_block(c.tr(a.applies), c.fonts.heading, u32(c.p.card_text), inner);
    end_card(c, "##applies", c.p.card_bg, c.p.accent, false);
    // Side by side, what follows starts under the taller card (the site makes "where" taller).
    if (side && counter_bottom > ImGui::GetItemRectMax().y) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos({at.x, at.y + counter_bottom - ImGui::GetItemRectMax().y});
        ImGui::Dummy({0, 0});
    }
    spacer(c);
    // Wide screens: the next steps on the left, the two QR codes beside them, so all of it is
    // above the fold; narrow ones: the codes under the steps. One code is the official page,
    // the other this visitor's advice as text (nothing leaves the kiosk; the phone shows it).
    const std::string& summary = texts.summary;
    const float q1 = a.link ? qr_code_side(c, a.link->href, qr_side(c)) + c.m.gap : 0;
    const float q2 = qr_code_side(c, summary, qr_side(c)) + c.m.gap;
    const bool beside = !c.m.narrow && width - q1 - q2 - 2 * c.m.gap >= c.m.body * 14;
    const float steps_w = beside ? width - q1 - q2 - 2 * c.m.gap : width;
    ImGui::BeginGroup();
    heading(c, c.word("result_steps"), steps_w);
    list(c, a.steps, true, steps_w, c.p.text);
    ImGui::EndGroup();
    if (beside)
        ImGui::SameLine(0, 2 * c.m.gap);
    else
        spacer(c);
    const bool pair = beside || q1 + q2 <= width;
    if (a.link) {
        labelled_qr(c, c.tr(a.link->label), a.link->href, a.link->href, pair ? q1 : width);
        if (pair) ImGui::SameLine(0, c.m.gap);
    }
    labelled_qr(c, c.word("summary_label"), summary, "", pair ? q2 : width);
    spacer(c);
    if (big_button(c, "##restart", c.word("result_restart"), std::min(width, c.m.body * 16),
                   c.m.target, ButtonStyle::Secondary, "back"))
        c.request(Action::StartGuide);
    spacer(c);
    glossary_block(c, texts.glossary, width);
    source_line(c, r.sources, width);
}

}  // namespace ww
