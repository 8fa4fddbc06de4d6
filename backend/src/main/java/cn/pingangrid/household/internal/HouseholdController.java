package cn.pingangrid.household.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 一户一档 over HTTP: the requests of {@link HouseholdArchive}, which does the work (and holds the transactions). */
@RestController
@RequestMapping(path = "/api/households", produces = "application/json")
class HouseholdController {

    record RevealRequest(String reason) {
    }

    private final HouseholdArchive archive;

    HouseholdController(HouseholdArchive archive) {
        this.archive = archive;
    }

    @GetMapping
    HouseholdArchive.Listing list(@RequestParam(required = false) String building,
            @RequestParam(required = false) String grid, @RequestParam(required = false) String village,
            @RequestParam(required = false) String q, @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String limit) {
        return archive.list(building, grid, village, q, idNumber, sort, limit);
    }

    @GetMapping("/counts")
    HouseholdArchive.Counts counts(@RequestParam(required = false) String building,
            @RequestParam(required = false) String grid, @RequestParam(required = false) String village) {
        return archive.counts(building, grid, village);
    }

    @GetMapping("/{id}")
    HouseholdView.Detail one(@PathVariable long id) {
        return archive.one(id);
    }

    @PostMapping("/{id}/reveal")
    HouseholdView.Detail reveal(@PathVariable long id, @RequestBody RevealRequest request) {
        return archive.reveal(id, request.reason());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    HouseholdView.Detail create(@RequestBody HouseholdForms.HouseholdRequest request) {
        return archive.create(request);
    }

    @PutMapping("/{id}")
    HouseholdView.Detail update(@PathVariable long id, @RequestBody HouseholdForms.HouseholdRequest request) {
        return archive.update(id, request);
    }

    @PostMapping("/{id}/moves")
    @ResponseStatus(HttpStatus.CREATED)
    HouseholdView.Detail move(@PathVariable long id, @RequestBody HouseholdForms.MoveRequest request) {
        return archive.move(id, request);
    }

    @PostMapping("/{id}/merits")
    @ResponseStatus(HttpStatus.CREATED)
    HouseholdView.Detail merit(@PathVariable long id, @RequestBody HouseholdForms.MeritRequest request) {
        return archive.merit(id, request);
    }

    @PostMapping("/{id}/misconduct")
    @ResponseStatus(HttpStatus.CREATED)
    HouseholdView.Detail misconduct(@PathVariable long id, @RequestBody HouseholdForms.MisconductRequest request) {
        return archive.misconduct(id, request);
    }

    @PostMapping("/{id}/conflicts")
    @ResponseStatus(HttpStatus.CREATED)
    HouseholdView.Detail conflict(@PathVariable long id, @RequestBody HouseholdForms.ConflictRequest request) {
        return archive.conflict(id, request);
    }
}
