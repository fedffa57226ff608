using MassTransit;

namespace Platform.Contracts.FireSafety;

// Integration events of the Fire-safety service that other services consume. Defined ahead of that service by
// Inventory, which consumes the first (flow F8).

/// <summary>
/// Fire equipment was found lost or damaged: 「发现丢失、损坏应立即补充并上报领导」 (000:642). Inventory raises an immediate
/// replenishment request for the site store of <see cref="SiteStoreCode"/>. <see cref="Loss"/> is "lost" | "damaged".
/// <see cref="ReportId"/> is unique per report: the same report twice raises one request.
/// </summary>
[EntityName("firesafety.fire-equipment-replacement-requested.v1"), MessageUrn("firesafety.fire-equipment-replacement-requested.v1")]
public sealed record FireEquipmentReplacementRequestedV1(
    Guid ReportId, Guid EquipmentId, string EstateId, string SiteStoreCode, string ItemCode, decimal Quantity, string Loss, string? Location,
    DateTimeOffset ReportedAt);

/// <summary>
/// A fire-safety matter needs physical work, and Work orders opens an order for it: a hazard's rectification (flow F7,
/// <see cref="Kind"/> "hazard-rectification", due at the hazard's deadline) or a defective item's repair (flow F8,
/// "equipment-repair", <see cref="DueAt"/> null: the estate's repair deadline applies). <see cref="RequestId"/> is unique
/// per round of rectification or per defect, so the same request twice opens one order. Work orders answers with
/// <c>FireSafetyWorkCompletedV1</c>, echoing the request.
/// </summary>
[EntityName("firesafety.fire-safety-work-requested.v1"), MessageUrn("firesafety.fire-safety-work-requested.v1")]
public sealed record FireSafetyWorkRequestedV1(
    Guid RequestId, string Kind, Guid? HazardId, Guid? EquipmentId, string EstateId, string Location, string Description, DateTimeOffset? DueAt,
    DateTimeOffset RequestedAt);
