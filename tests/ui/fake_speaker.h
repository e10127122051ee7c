// Stands in for the Speaker: records what the app asks it to say (text and volume) and to stop.
#pragma once
#include <string>
#include <vector>

#include "ui/app.h"

struct FakeSpeaker {
    std::vector<std::string> said;
    std::vector<int> volumes;
    int stops = 0;
    bool talking = false;
    ww::AppHooks hooks() {
        ww::AppHooks h;
        h.speak = [this](const std::string& text, const std::string&, int volume) {
            said.push_back(text);
            volumes.push_back(volume);
            talking = true;
        };
        h.stop_speech = [this] {
            ++stops;
            talking = false;
        };
        h.speaking = [this] { return talking; };
        return h;
    }
};
