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
