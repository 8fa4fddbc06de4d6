package cn.pingangrid.household.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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

import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.household.internal.HouseholdSheet.Form;
import cn.pingangrid.system.InvalidInputException;

/**
 * The archive as the seed's XLSX forms: the export ({@link HouseholdExport}), the import all or nothing
 * ({@link HouseholdImport}).
 */
@RestController
class HouseholdSheetController {

    static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final HouseholdExport exporter;
    private final HouseholdImport importer;
    private final AuditTrail audit;
    private final DataSize maxUpload;

    HouseholdSheetController(HouseholdExport exporter, HouseholdImport importer, AuditTrail audit,
            @Value("${pingan.household.import-max-size:5MB}") DataSize maxUpload) {
        this.exporter = exporter;
        this.importer = importer;
        this.audit = audit;
        this.maxUpload = maxUpload;
    }

    @GetMapping("/api/households/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String building,
            @RequestParam(required = false) String grid, @RequestParam(required = false) String village,
            @RequestParam(required = false) String reveal, @RequestParam(required = false) String reason) {
        HouseholdExport.Sheet sheet = exporter.export(building, grid, village, reveal, reason);
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(sheet.filename(), StandardCharsets.UTF_8).build().toString())
                .body(sheet.bytes());
    }

    @PostMapping(path = "/api/households/import", produces = "application/json")
    ResponseEntity<HouseholdImport.Imported> importSheet(@RequestParam("file") MultipartFile file) throws IOException {
        HouseholdAccess.current().requireHandler();
        if (file.getSize() > maxUpload.toBytes()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    "文件过大：户档案表不能超过 " + maxUpload.toMegabytes() + " MB");
            problem.setTitle("文件过大");
            throw new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
        }
        Map<Form, List<HouseholdSheet.Line>> sheets;
        try (InputStream in = file.getInputStream()) {
            sheets = HouseholdSheet.read(in);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
        HouseholdImport.Imported result = importer.run(sheets);
        audit.record("HOUSEHOLD_IMPORT", "household", null, "新建 " + result.created() + " 户，更新 "
                + result.updated() + " 户");
        return ResponseEntity.status(HttpStatus.CREATED).body(result);
    }
}
