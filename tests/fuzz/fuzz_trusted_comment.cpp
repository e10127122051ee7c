// libFuzzer: the trusted comment parser and the channel state file (core/update/update_rules.h)
// on fuzzed text. Must never crash, hang or leak; what they accept must keep the rules: a version
// above 0 with at most 9 digits, a real date, and a channel state that reads back as itself.
//
// Input: the text, for both parsers. tests/fuzz.sh seeds the corpus with a few comments and a
// channel state; tests/fuzz/comment.dict has the words.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/update/update_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string in(reinterpret_cast<const char*>(data), size);
    ww::BundleInfo info;
    std::string why;
    if (ww::parse_trusted_comment(in, info, why)) {
        if (info.version <= 0 || info.version > 999999999) abort();
        if (ww::parse_date(ww::format_date(info.expires)) != info.expires) abort();
        // The limits hold whatever the bundle says.
        const int today = 20261123;
        const std::string verdict = ww::bundle_verdict(info, 5, false, today);
        if (verdict.empty() && (info.version <= 5 || info.version > 1005 || info.expires < today ||
                                info.expires > ww::add_days(today, 400)))
            abort();
    } else if (why.empty()) {
        abort();
    }
    ww::ChannelState st;
    if (ww::parse_channel_state(in, st, why)) {
        const std::string text = ww::channel_state_text(st);
        ww::ChannelState back;
        if (!ww::parse_channel_state(text, back, why) || ww::channel_state_text(back) != text)
            abort();
        for (auto& [key, version] : st.floors)
            if (key.size() != 16 || version <= 0 || back.floor(key) != version) abort();
    }
    return 0;
}
