package cn.pingangrid.dispute.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.system.InvalidInputException;

/** The 矛盾纠纷排查表 as XLSX: export for a village and period, import all-or-nothing. */
@RestController
class DisputeSheetController {

    static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final int MAX_EXPORT_ROWS = 20_000;

    private final Disputes disputes;
    private final DisputeRegister register;
    private final DisputeView view;
    private final DataSize maxUpload;
    private final java.time.Clock clock;

    DisputeSheetController(Disputes disputes, DisputeRegister register, DisputeView view,
            @Value("${pingan.disputes.import-max-size:5MB}") DataSize maxUpload, java.time.Clock clock) {
        this.clock = clock;
        this.disputes = disputes;
        this.register = register;
        this.view = view;
        this.maxUpload = maxUpload;
    }

    /**
     * The register in the caller's area, narrowed by the same filters as the map (village, 排查时间 from/to
     * inclusive, type, status, severity, open, withOpen).
     */
    @GetMapping("/api/disputes/export.xlsx")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> export(@RequestParam(required = false) String village,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String type, @RequestParam(required = false) String status,
            @RequestParam(required = false) String severity, @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) Boolean withOpen) {
        var filter = DisputeController.narrow(disputes.query(), null, from, to, type, status, severity, village, open,
                withOpen);
        LocalDate fromDate = from == null || from.isBlank() ? null : DisputeRegister.date("from", from);
        LocalDate toDate = to == null || to.isBlank() ? null : DisputeRegister.date("to", to);
        List<Dispute> found = filter.orderBy("d.sweptOn, d.id").list(MAX_EXPORT_ROWS);
        Map<String, String> names = view.villageNames();
        String subtitle = (village == null || village.isBlank() ? "全部" : names.getOrDefault(village, village))
                + (fromDate == null && toDate == null ? "" : "，" + (fromDate == null ? "" : fromDate) + " 至 "
                        + (toDate == null ? "" : toDate));
        byte[] bytes = DisputeSheet.write(found, names, subtitle, clock.getZone());
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("矛盾纠纷排查表.xlsx", StandardCharsets.UTF_8).build()
                        .toString())
                .body(bytes);
    }

    @PostMapping("/api/disputes/import")
    ResponseEntity<Map<String, Object>> importSheet(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.getSize() > maxUpload.toBytes()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    "文件过大：排查表不能超过 " + maxUpload.toMegabytes() + " MB");
            problem.setTitle("文件过大");
            throw new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
        }
        List<DisputeSheet.Line> lines;
        try (InputStream in = file.getInputStream()) {
            lines = DisputeSheet.read(in);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
        List<Long> ids = register.importSheet(lines, CurrentUser.current());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("imported", ids.size(), "ids", ids));
    }
}
