package cn.pingangrid.dispute.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

    private final DisputeExport export;
    private final DisputeRegister register;
    private final DataSize maxUpload;

    DisputeSheetController(DisputeExport export, DisputeRegister register,
            @Value("${pingan.disputes.import-max-size:5MB}") DataSize maxUpload) {
        this.export = export;
        this.register = register;
        this.maxUpload = maxUpload;
    }

    /**
     * The register in the caller's area, narrowed by the same filters as the map (village, 排查时间 from/to
     * inclusive, type, status, severity, open, withOpen).
     */
    @GetMapping("/api/disputes/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String village,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String type, @RequestParam(required = false) String status,
            @RequestParam(required = false) String severity, @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) Boolean withOpen) {
        byte[] bytes = export.xlsx(village, from, to, type, status, severity, open, withOpen);
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("矛盾纠纷排查表.xlsx", StandardCharsets.UTF_8).build()
                        .toString())
                .body(bytes);
    }

    /** What an import answers: how many disputes it registered, and their ids in the sheet's order. */
    record Imported(int imported, List<Long> ids) {
    }

    @PostMapping("/api/disputes/import")
    ResponseEntity<Imported> importSheet(@RequestParam("file") MultipartFile file) throws IOException {
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
        return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(ids.size(), ids));
    }
}
