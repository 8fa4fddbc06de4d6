package cn.pingangrid.dispute;

/** 即时上报: a sensitive dispute was registered (published inside the registering transaction). */
public record SensitiveDisputeReported(long disputeId) {
}
