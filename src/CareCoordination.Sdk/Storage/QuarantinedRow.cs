namespace CareCoordination.Sdk.Storage;

/// <summary>A damaged stored row: which table, which row and what is wrong; it names no person's number.</summary>
/// <param name="Table">The table, such as <c>signals</c>.</param>
/// <param name="RowKey">The row's key, such as a signal's identifier.</param>
/// <param name="Problem">What is wrong, such as "the route 9 is not a defined intake route".</param>
public sealed record QuarantinedRow(string Table, string RowKey, string Problem);
