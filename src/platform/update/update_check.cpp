// One check of the update thread: the signature and its trusted comment, the version rules, the
// bundle, unpacking and validating it, and the switch to it.
#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "core/base/log.h"
#include "core/content/content.h"
#include "core/update/minisign.h"
#include "platform/update/content_store.h"
#include "platform/update/updater.h"
#include "platform/update/updater_detail.h"

namespace fs = std::filesystem;

namespace ww {

using namespace updater_detail;

namespace {

CheckResult rejected(const std::string& reason, const std::string& detail, long version = 0) {
    CheckResult r;
    r.status = "rejected";
    r.reason = reason;
    r.detail = clean(detail);
    r.version = version;
    return r;
}

}  // namespace

CheckResult Updater::check() {
    if (o_.url.empty()) {  // a heartbeat without updates
        CheckResult off;
        off.status = "off";
        off.version = running_;
        return off;
    }
    std::vector<MinisignKey> keys;
    std::string why;
    for (auto& line : o_.public_keys) {
        MinisignKey k;
        if (!decode_minisign_key(line, k, why))
            return rejected("signature", "update.public_keys: a key " + why);
        keys.push_back(k);
    }
    if (keys.empty()) return rejected("signature", "no trusted key (update.public_keys is empty)");

    // 1. The signature: its trusted comment tells the key and the version before the bundle is
    // fetched.
    std::string sig;
    if (!fetch(o_.url + ".minisig", o_.limits.max_signature, sig, why))
        return rejected("download", why);
    const MinisignKey* key = nullptr;
    SignatureCheck comment;
    for (auto& k : keys) {
        SignatureCheck c = verify_minisign_comment(sig, k);
        if (c.ok) {
            key = &k;
            comment = c;
            break;
        }
        if (comment.error.empty() || comment.error.find("another key") != std::string::npos)
            comment = c;
    }
    if (!key) return rejected("signature", comment.error);
    BundleInfo info;
    if (!parse_trusted_comment(comment.trusted_comment, info, why))
        return rejected("signature", why);
    const std::string kid = key_id_hex(key->key_id.data());
    const long running = running_;
    long floor;
    bool refetch;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        floor = channel_.floor(kid);
        // The bundle last taken may come again while another version runs (a rollback).
        refetch = kid == channel_.fresh_key && info.version == channel_.fresh_version &&
                  info.version != running;
        if (info.version == running) {
            // The version that runs, maybe signed again with a later expiry (fresh-until); the
            // first such check after an upgrade or a rollback records it.
            const bool same = kid == channel_.fresh_key && running == channel_.fresh_version;
            const bool sane = info.expires >= o_.today() &&
                              info.expires <= add_days(o_.today(), o_.channel.max_expires_days);
            if (sane && (!same || info.expires > channel_.fresh_until) &&
                (same || channel_.fresh_version != running)) {
                channel_.fresh_key = kid;
                channel_.fresh_version = running;
                channel_.fresh_until = info.expires;
                if (!save_channel(why))
                    log_event("content_update", {{"status", "error"}, {"detail", clean(why)}});
            }
            CheckResult same_version;
            same_version.status = "current";
            same_version.version = running;
            return same_version;
        }
    }
    const std::string verdict = bundle_verdict(info, floor, refetch, o_.today(), o_.channel);
    const std::string v = "version " + std::to_string(info.version);
    if (verdict == "version")
        return rejected(verdict,
                        v + " is not newer than " + std::to_string(floor) + " (key " + kid + ")",
                        info.version);
    if (verdict == "step")
        return rejected(verdict,
                        v + " is more than update.max_version_step=" +
                            std::to_string(o_.channel.max_version_step) + " above " +
                            std::to_string(floor) + " (key " + kid + ")",
                        info.version);
    if (verdict == "expired")
        return rejected(verdict, v + " expired on " + std::to_string(info.expires), info.version);
    if (verdict == "expiry")
        return rejected(verdict,
                        v + " expires " + format_date(info.expires) + ", more than " +
                            std::to_string(o_.channel.max_expires_days) + " days ahead",
                        info.version);
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (failed_.count(info.version))
            return rejected("invalid", v + " failed to load in this kiosk before");
    }

    // 2. The bundle, streamed to the state folder and hashed as it comes, checked against the
    // signature as a whole.
    const std::string part = o_.state_dir + "/bundle.download";
    struct RemovePart {
        const std::string& path;
        ~RemovePart() {
            std::error_code ec;
            fs::remove(path, ec);
        }
    } remove_part{part};
    std::error_code ec;
    fs::create_directories(o_.state_dir, ec);
    std::array<uint8_t, 64> hash{};
    if (!fetch_file(o_.url, part, hash, why)) return rejected("download", why);
    const SignatureCheck full = verify_minisign_prehashed(hash, sig, *key);
    if (!full.ok) return rejected("signature", full.error, info.version);

    // 3. Unpacked beside the running version, and validated as `--check` would.
    const std::string dir = version_dir(o_.state_dir, info.version);
    if (!unpack_bundle_file(part, dir, o_.limits, why))
        return rejected("invalid", why, info.version);
    const ContentLoad load = load_content(dir + "/layouts", dir + "/assets");
    if (!load.ok()) {
        std::string first;
        for (size_t i = 0; i < load.problems.size() && i < 3; ++i) {
            log_line("content_update: " + load.problems[i].format());
            first += (i ? "; " : "") + load.problems[i].format();
        }
        fs::remove_all(dir, ec);
        return rejected("invalid", std::to_string(load.problems.size()) + " problem(s): " + first,
                        info.version);
    }

    // 4. The switch.
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_) return rejected("download", "stopping before the switch", info.version);
        // The floor first, on the disk: a power cut after it re-fetches this version.
        channel_.raise(kid, info.version);
        channel_.fresh_key = kid;
        channel_.fresh_version = info.version;
        channel_.fresh_until = info.expires;
        if (!save_channel(why)) return rejected("invalid", why, info.version);
        if (!switch_current(o_.state_dir, info.version, running, why))
            return rejected("invalid", why, info.version);
        previous_ = running;
        running_ = info.version;
    }
    if (o_.on_applied) o_.on_applied(info.version);
    CheckResult ok;
    ok.status = "ok";
    ok.version = info.version;
    return ok;
}

}  // namespace ww
