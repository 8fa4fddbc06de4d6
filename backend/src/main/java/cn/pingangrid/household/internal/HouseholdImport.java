package cn.pingangrid.household.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.area.Areas;
import cn.pingangrid.area.BuildingRef;
import cn.pingangrid.dispute.DisputeLocation;
import cn.pingangrid.dispute.DisputeLocations;
import cn.pingangrid.household.internal.HouseholdSheet.Form;
import cn.pingangrid.household.internal.HouseholdSheet.Line;
import cn.pingangrid.system.InvalidInputException;

/**
 * Imports a workbook of the five forms, all or nothing. Every row is checked first (the same checks as the API,
 * in {@link HouseholdForms}); any fault anywhere is one 400 problem listing each as {@code rows[7].身份证号码}
 * (the members sheet) or {@code 不良记录.rows[3].日期} (another sheet), row numbers as the spreadsheet shows them,
 * and nothing is written. Otherwise, in one transaction: a 户编号 that is a number replaces that archive's members
 * (and the forms the file has rows of); any other 户编号 makes a new household.
 */
@Component
class HouseholdImport {

    static final int MAX_ROWS = 5000;
    static final int MAX_ERRORS = 100;

    record RowError(String name, String reason) {
    }

    private final Households households;
    private final HouseholdForms forms;
    private final Areas areas;
    private final DisputeLocations disputes;
    private final Clock clock;

    HouseholdImport(Households households, HouseholdForms forms, Areas areas, DisputeLocations disputes,
            Clock clock) {
        this.households = households;
        this.forms = forms;
        this.areas = areas;
        this.disputes = disputes;
        this.clock = clock;
    }

    /** A household of the file: an existing archive (id) or a new one (label), with its rows by form. */
    private static final class Target {
        Household existing;
        BuildingRef building;
        Household.Basics basics;
        final List<Person> members = new ArrayList<>();
        final List<Integer> memberRows = new ArrayList<>();
        List<MemberMove> moves;
        List<Merit> merits;
        List<Misconduct> misconduct;
        List<ConflictCheck> conflicts;
        boolean hasMembers;
    }

    /** What an import did: households created and updated, and their ids. */
    record Imported(int created, int updated, List<Long> ids) {
    }

    @Transactional
    Imported run(Map<Form, List<Line>> sheets) {
        int rows = sheets.values().stream().mapToInt(List::size).sum();
        if (rows == 0) {
            throw new InvalidInputException("file", "表中没有数据行");
        }
        if (rows > MAX_ROWS) {
            throw new InvalidInputException("file", "一次最多导入 " + MAX_ROWS + " 行");
        }
        LocalDate today = LocalDate.now(clock);
        List<RowError> errors = new ArrayList<>();
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Line line : sheets.getOrDefault(Form.MEMBERS, List.of())) {
            Target t = target(line, Form.MEMBERS, targets, true, errors);
            if (t == null) {
                continue;
            }
            t.hasMembers = true;
            check(errors, Form.MEMBERS, line, () -> {
                String code = line.get("楼栋代码");
                if (t.existing == null && t.building == null) {
                    if (code == null) {
                        throw new InvalidInputException("building", "新档案的第一行须填楼栋代码");
                    }
                    if (!code.matches("\\d{19}")) {
                        throw new InvalidInputException("building", "楼栋代码须为 19 位数字");
                    }
                    t.building = areas.building(code).orElseThrow(() -> new InvalidInputException("building",
                            "没有代码为 " + code + " 的楼栋（或不在您负责的区域）"));
                } else if (code != null && !code.equals(t.existing != null ? t.existing.getBuildingCode()
                        : t.building.code())) {
                    throw new InvalidInputException("building", "与本户第一行的楼栋不同：一户只在一栋楼");
                }
                Person person = forms.person("", new HouseholdForms.PersonRequest(line.get("姓名"), line.get("性别"),
                        line.get("出生日期"), line.get("身份证号码"), line.get("与户主关系"), line.get("联系电话"),
                        line.get("文化程度"), line.get("健康状况")), today);
                if (person.isHead()) {
                    t.basics = forms.basics(new HouseholdForms.HouseholdRequest(null, line.get("组名"),
                            yesNo(line.get("是否建档立卡")), line.get("住房状况"), line.get("其它情况说明"), null));
                }
                t.members.add(person);
                t.memberRows.add(line.rowNumber());
                return null;
            });
        }
        for (Map.Entry<String, Target> e : targets.entrySet()) {
            Target t = e.getValue();
            if (t.members.size() == t.memberRows.size() && !t.members.isEmpty()
                    && errors.stream().noneMatch(err -> err.name().startsWith("rows[") && t.memberRows.stream()
                            .anyMatch(r -> err.name().startsWith("rows[" + r + "]")))) {
                try {
                    Household.checkMembers(t.members, "members");
                } catch (InvalidInputException fault) {
                    String field = fault.field();
                    int row = t.memberRows.get(0);
                    String column = "与户主关系";
                    if (field.startsWith("members[")) {
                        row = t.memberRows.get(Integer.parseInt(field.substring(8, field.indexOf(']'))));
                        column = "身份证号码";
                    }
                    errors.add(new RowError("rows[" + row + "]." + column, reason(fault)));
                }
            }
        }
        for (Form form : List.of(Form.MOVES, Form.MERITS, Form.MISCONDUCT, Form.CONFLICTS)) {
            for (Line line : sheets.getOrDefault(form, List.of())) {
                Target t = target(line, form, targets, false, errors);
                if (t == null) {
                    continue;
                }
                check(errors, form, line, () -> {
                    switch (form) {
                        case MOVES -> list(t, form).add(forms.move(new HouseholdForms.MoveRequest(line.get("异动类型"),
                                line.get("异动日期"), line.get("异动原因"), line.get("迁入/迁出地"), line.get("姓名"),
                                line.get("性别"), line.get("出生日期"), line.get("身份证号码"), line.get("与户主关系"),
                                line.get("联系电话"), line.get("文化程度"), line.get("健康状况")), today));
                        case MERITS -> list(t, form).add(forms.merit(new HouseholdForms.MeritRequest(line.get("姓名"),
                                line.get("时间"), line.get("事迹"), line.get("表彰情况")), today));
                        case MISCONDUCT -> list(t, form).add(forms.misconduct(new HouseholdForms.MisconductRequest(
                                line.get("姓名"), line.get("日期"), line.get("不良表现详细记录"), line.get("处理情况")),
                                today));
                        case CONFLICTS -> list(t, form).add(forms.conflict(new HouseholdForms.ConflictRequest(
                                line.get("排查时间"), line.get("矛盾情况"), line.get("化解措施"), line.get("备注"),
                                disputeId(line.get("纠纷编号"))), today));
                        default -> throw new IllegalStateException();
                    }
                    return null;
                });
            }
        }
        Set<Long> named = targets.values().stream().filter(t -> t.conflicts != null).flatMap(t -> t.conflicts.stream())
                .map(ConflictCheck::getDisputeId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        if (!named.isEmpty()) {
            Set<Long> visible = disputes.byIds(named).stream().map(DisputeLocation::id).collect(Collectors.toSet());
            for (Line line : sheets.getOrDefault(Form.CONFLICTS, List.of())) {
                Long id = safeId(line.get("纠纷编号"));
                if (id != null && named.contains(id) && !visible.contains(id)) {
                    errors.add(new RowError(Form.CONFLICTS.sheet + ".rows[" + line.rowNumber() + "].纠纷编号",
                            "没有编号为 " + id + " 的纠纷（或不在您负责的区域）"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        String by = CurrentUser.current().username();
        Instant now = clock.instant();
        int created = 0;
        int updated = 0;
        List<Long> ids = new ArrayList<>();
        for (Target t : targets.values()) {
            Household h = t.existing;
            if (h == null) {
                h = households.add(new Household(t.building.code(), t.building.gridCode().substring(0, 12),
                        t.building.gridCode(), t.basics, t.members, by, now));
                created++;
            } else {
                if (t.hasMembers) {
                    h.edit(t.basics, t.members, by, now);
                }
                updated++;
            }
            h.replaceEntries(t.moves, t.merits, t.misconduct, t.conflicts, by, now);
            ids.add(h.getId());
        }
        households.flushAndClear();
        return new Imported(created, updated, ids);
    }

    /** The household a row belongs to by its 户编号, or null (with the error recorded). */
    private Target target(Line line, Form form, Map<String, Target> targets, boolean mayCreate,
            List<RowError> errors) {
        String key = line.get("户编号");
        if (key == null) {
            errors.add(new RowError(prefix(form) + "rows[" + line.rowNumber() + "].户编号", "必填"));
            return null;
        }
        Target t = targets.get(key);
        if (t != null) {
            return t;
        }
        t = new Target();
        if (key.matches("\\d{1,18}")) {
            t.existing = households.find(Long.parseLong(key)).orElse(null);
            if (t.existing == null) {
                errors.add(new RowError(prefix(form) + "rows[" + line.rowNumber() + "].户编号", "没有编号为 " + key
                        + " 的户档案（或不在您负责的区域）；新档案的户编号请用非数字的标记，如「新1」"));
                return null;
            }
        } else if (!mayCreate) {
            errors.add(new RowError(prefix(form) + "rows[" + line.rowNumber() + "].户编号", "户编号「" + key
                    + "」不是已有档案的编号，也不在家庭人员基本信息表中"));
            return null;
        }
        targets.put(key, t);
        return t;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Target t, Form form) {
        switch (form) {
            case MOVES -> t.moves = t.moves == null ? new ArrayList<>() : t.moves;
            case MERITS -> t.merits = t.merits == null ? new ArrayList<>() : t.merits;
            case MISCONDUCT -> t.misconduct = t.misconduct == null ? new ArrayList<>() : t.misconduct;
            case CONFLICTS -> t.conflicts = t.conflicts == null ? new ArrayList<>() : t.conflicts;
            default -> throw new IllegalStateException();
        }
        return (List<T>) switch (form) {
            case MOVES -> t.moves;
            case MERITS -> t.merits;
            case MISCONDUCT -> t.misconduct;
            default -> t.conflicts;
        };
    }

    private static void check(List<RowError> errors, Form form, Line line, Supplier<Void> work) {
        try {
            work.get();
        } catch (InvalidInputException e) {
            String field = e.field();
            String column = HouseholdSheet.COLUMN_OF.getOrDefault(field, field);
            errors.add(new RowError(prefix(form) + "rows[" + line.rowNumber() + "]." + column, reason(e)));
        }
    }

    private static String prefix(Form form) {
        return form == Form.MEMBERS ? "" : form.sheet + ".";
    }

    private static String reason(InvalidInputException e) {
        String detail = String.valueOf(e.getBody().getDetail());
        return detail.substring(detail.indexOf('：') + 1);
    }

    private static Boolean yesNo(String text) {
        if (text == null) {
            return false;
        }
        return switch (text.strip()) {
            case "是" -> true;
            case "否" -> false;
            default -> throw new InvalidInputException("povertyRegistered", "是否建档立卡须填「是」或「否」");
        };
    }

    private static Long disputeId(String text) {
        if (text == null) {
            return null;
        }
        Long id = safeId(text);
        if (id == null) {
            throw new InvalidInputException("disputeId", "纠纷编号须为正整数");
        }
        return id;
    }

    private static Long safeId(String text) {
        return text != null && text.strip().matches("\\d{1,18}") ? Long.valueOf(text.strip()) : null;
    }

    private static ErrorResponseException refused(List<RowError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "有 " + errors.size()
                + " 处错误，整个文件未导入：" + errors.stream().limit(5).map(e -> e.name() + "：" + e.reason())
                        .collect(Collectors.joining("；")));
        problem.setTitle("导入失败");
        problem.setProperty("invalid-params", errors.stream().limit(MAX_ERRORS)
                .map(e -> Map.of("name", e.name(), "reason", e.reason())).toList());
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
