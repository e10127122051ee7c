// An overload set of lambdas for std::visit: std::visit(Overload{[](const A&) {...},
// [](const B&) {...}}, v). Without a catch-all `auto` lambda, a new alternative of `v` that no
// lambda takes is a compile error at every such visit.
#pragma once

namespace ww {

template <class... Fs>
struct Overload : Fs... {
    using Fs::operator()...;
};
template <class... Fs>
Overload(Fs...) -> Overload<Fs...>;

}  // namespace ww
