/**
 * 一户一档: the household archive of the seed's attachment 1 (道德档案信息表) — 家庭人员基本信息表, 异动人员基本信息表,
 * 良好表现与突出贡献事迹登记表, 不良记录, 矛盾处理排查登记表 — for households in buildings, scoped by the building's
 * village and grid. ID numbers and phones are encrypted at rest, masked on output and revealed only to the
 * area's handlers, with a reason, audited. Everything lives in {@code internal}: no other module needs it.
 */
package cn.pingangrid.household;
