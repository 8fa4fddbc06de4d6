package cn.pingangrid.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What springdoc cannot see in the code, added to the generated description of {@code /api} ({@code /api-docs}):
 * the area scope (every answer is cut to the caller's area in the database), which roles may call each group of
 * endpoints (the roles are checked in the handlers), the two ways in (session with CSRF header, or a read-only
 * personal access token), and the one problem+json schema every error answer uses.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "application/problem+json";

    /** Groups of endpoints by path prefix: tag, and who may call them (first matching prefix wins). */
    private static final List<Group> GROUPS = List.of(
            new Group("/api/admin", "账户管理与审计", "仅系统管理员（ADMIN）；个人访问令牌不能调用。"),
            new Group("/api/me", "本人与令牌", "每个登录用户；令牌的创建和撤销需要网页登录（会话 + X-XSRF-TOKEN）。"),
            new Group("/api/login", "登录", "任何人。"), new Group("/api/logout", "登录", "登录用户。"),
            new Group("/api/csrf", "登录", "任何人：写入 XSRF-TOKEN cookie。"),
            new Group("/api/disputes", "矛盾纠纷", "读取：按区域裁剪（网格员本网格，村干部和辅警本村，综治办和领导全镇，"
                    + "调解员只看到移交本单位的纠纷）；登记：网格员、村干部、辅警、综治办在自己区域内；交办：综治办；"
                    + "流程操作按状态和角色（见每条纠纷的 allowedActions）；当事人信息只对负责处理的人显示完整。"),
            new Group("/api/sweep", "排查报送", "村周报：村干部（本村）和综治办；专项排查：综治办创建；读取按区域。"),
            new Group("/api/kpis", "枫桥指标", "按区域：领导和综治办全镇，村干部本村。"),
            new Group("/api/meeting", "月度例会", "领导小组和综治办（全镇），村干部（本村）。"),
            new Group("/api/hotspots", "热点分析", "分析范围为调用者的区域。"),
            new Group("/api/site", "平安创建", "读取按区域；新建和修改：综治办；检查记录：综治办，村干部和网格员在自己区域内。"),
            new Group("/api/hazard", "风险隐患", "读取按区域；新建、修改、复核：综治办，村干部和网格员在自己区域内。"),
            new Group("/api/border", "边界", "边界段按区域（沿线有本人村的）；敏感区宽度和标记：综治办。"),
            new Group("/api/cross-border", "边界", "按区域。"),
            new Group("/api/patrol", "辅警巡逻", "辅警（本村）规划和上传轨迹；综治办可为任一村或全镇规划。"),
            new Group("/api", "镇域地理与底图", "村、网格、楼栋按区域裁剪（网格员看到本网格和所在村的轮廓）；"
                    + "道路、水系、地名、相邻辖区是公共底图，全镇相同。"));

    private record Group(String prefix, String tag, String roles) {
    }

    @Bean
    OpenApiCustomizer pinganApiDescription() {
        return openApi -> {
            openApi.info(new Info().title("平安网格 API").version("1").description(DESCRIPTION));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSchemas("Problem", problemSchema());
            components.addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                    .description("网页登录（POST /api/login）后的会话；修改类请求还须带 X-XSRF-TOKEN 头（值取自 XSRF-TOKEN cookie）"));
            components.addSecuritySchemes("personalAccessToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").description("个人访问令牌（pgt_…）：只能 GET，范围与本人相同，不能调用 /api/admin"));
            openApi.components(components);
            openApi.security(List.of(new SecurityRequirement().addList("session"),
                    new SecurityRequirement().addList("personalAccessToken")));
            Map<String, Tag> tags = new LinkedHashMap<>();
            if (openApi.getPaths() != null) {
                openApi.getPaths().forEach((path, item) -> describe(path, item, tags));
            }
            openApi.tags(List.copyOf(tags.values()));
        };
    }

    private static void describe(String path, PathItem item, Map<String, Tag> tags) {
        Group group = GROUPS.stream().filter(g -> path.startsWith(g.prefix())).findFirst().orElse(GROUPS.get(
                GROUPS.size() - 1));
        tags.computeIfAbsent(group.tag(), t -> new Tag().name(t).description("谁可以调用：" + group.roles()));
        item.readOperationsMap().forEach((method, operation) -> {
            operation.setTags(List.of(group.tag()));
            boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
            operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                    + "谁可以调用：" + group.roles() + (write ? " 修改类请求：个人访问令牌一律 403。" : ""));
            problems(operation, write);
        });
    }

    private static void problems(Operation operation, boolean write) {
        var responses = operation.getResponses();
        add(responses, "400", "输入无效：invalid-params 指出字段和原因，数据不变");
        add(responses, "401", "未登录、会话已结束，或令牌格式错误、未知、已撤销、已过期");
        add(responses, "403", write ? "角色无权操作、不在本人区域内、缺少 CSRF 头，或使用了只读令牌" : "角色无权查看");
        add(responses, "404", "不存在，或不在调用者的区域内（二者不加区分）");
        if (write) {
            add(responses, "409", "当前状态不允许此操作，或与已有数据冲突");
        }
    }

    private static void add(io.swagger.v3.oas.models.responses.ApiResponses responses, String status,
            String description) {
        ApiResponse response = responses.get(status);
        if (response == null) {
            response = new ApiResponse().description(description);
            responses.addApiResponse(status, response);
        }
        response.setContent(new Content().addMediaType(PROBLEM, new MediaType().schema(new Schema<>()
                .$ref("#/components/schemas/Problem"))));
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static Schema<?> problemSchema() {
        ObjectSchema invalid = new ObjectSchema();
        invalid.addProperty("name", new StringSchema().description("字段或参数名"));
        invalid.addProperty("reason", new StringSchema().description("原因（中文）"));
        Schema problem = new ObjectSchema().description("RFC 9457 problem details，所有错误回答都用它（application/problem+json）");
        problem.addProperty("type", new StringSchema().description("问题类型 URI，默认 about:blank"));
        problem.addProperty("title", new StringSchema().description("简短中文标题"));
        problem.addProperty("status", new IntegerSchema().description("HTTP 状态码"));
        problem.addProperty("detail", new StringSchema().description("中文说明"));
        problem.addProperty("instance", new StringSchema().description("请求路径"));
        problem.addProperty("invalid-params", new ArraySchema().items(invalid).description("无效的输入"));
        return problem;
    }

    private static final String DESCRIPTION = """
            平安网格的 JSON 接口。要素为 GeoJSON（RFC 7946，经度、纬度，EPSG:4326）；每个错误都是 \
            `application/problem+json`（RFC 9457，见 Problem），输入错误时 `invalid-params` 指出字段。

            **区域裁剪。** 每个读取在数据库里按调用者的区域裁剪，不是在页面里：综治办和领导小组看到全镇，\
            村干部和辅警看到本村，网格员看到本网格（以及所在村的轮廓和边界，仅供定位），调解员只看到移交本单位的纠纷，\
            系统管理员只看到底图。区域外的对象按编号查询时是 404（与不存在相同）；区域外的修改被拒绝，数据不变。\
            村和网格的代码与名称、道路、水系、地名、相邻辖区是公开的，所有人相同。

            **登录。** 网页：`POST /api/login`（表单 username、password）得到会话 cookie，修改类请求带 \
            `X-XSRF-TOKEN` 头。GIS 软件和脚本：个人访问令牌（账户页创建），请求头 `Authorization: Bearer pgt_…`，\
            只能读取（GET），范围与本人相同。OGC API – Features 见 `/ogc`。
            """;
}
