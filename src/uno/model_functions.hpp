// The worksheet functions of the buying models (BG/NBD, Gamma-Gamma, CLV): argument
// conversion around src/core's models. The add-in's methods of the same names call these
// inside guarded(); the models themselves live in the core.
#pragma once

#include "uno/args.hpp"

namespace triage::uno::models {

// CLIENT_REPEAT_SUMMARY: n x 5 (client, x, t_x, T, monetary).
css::uno::Any repeat_summary(const Range& clients, const Range& dates, const css::uno::Any& amounts,
                             const css::uno::Any& end_date, const css::uno::Any& days_per_unit);
// CLIENT_BGNBD_FIT: 1 x 5 (r, alpha, a, b, log-likelihood).
css::uno::Any bgnbd_fit(const Range& x, const Range& t_x, const Range& T);
// CLIENT_P_ALIVE, element-wise.
css::uno::Any p_alive(const css::uno::Any& x, const css::uno::Any& t_x, const css::uno::Any& T,
                      const Range& model);
// CLIENT_EXPECTED_ORDERS, element-wise.
css::uno::Any expected_orders(const css::uno::Any& x, const css::uno::Any& t_x,
                              const css::uno::Any& T, const css::uno::Any& t, const Range& model);
// CLIENT_SPEND_FIT: 1 x 5 (p, q, v, clients fitted, repeat buyers left out for spend <= 0).
css::uno::Any spend_fit(const Range& x, const Range& monetary);
// CLIENT_EXPECTED_SPEND, element-wise.
css::uno::Any expected_spend(const css::uno::Any& x, const css::uno::Any& monetary,
                             const Range& spend_model);
// CLIENT_CLV, element-wise.
css::uno::Any clv(const css::uno::Any& x, const css::uno::Any& t_x, const css::uno::Any& T,
                  const css::uno::Any& monetary, const Range& model, const Range& spend_model,
                  const css::uno::Any& months, const css::uno::Any& discount_rate,
                  const css::uno::Any& units_per_month);

} // namespace triage::uno::models
