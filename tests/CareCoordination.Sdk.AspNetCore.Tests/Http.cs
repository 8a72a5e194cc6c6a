using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

/// <summary>Requests and answers as a vendor's system sends and reads them: raw JSON text.</summary>
internal static class Http
{
    public const string Sam = "111222333";
    public const string Sara = "123456782";

    public static string SignalBody(string bsn = Sam, string dateOfBirth = "2017-04-12", string criterion = "seriousUpbringingProblems") =>
        $$"""{"bsn":"{{bsn}}","dateOfBirth":"{{dateOfBirth}}","criterion":"{{criterion}}"}""";

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, string json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(CareCoordinationApi.IdempotencyKeyHeader, idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string path, string json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(CareCoordinationApi.IdempotencyKeyHeader, idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Checks an error answer is RFC 9457 problem+json with status, title and detail, and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.True(response.Headers.Contains(CareCoordinationApi.VersionHeader));
        return problem;
    }
}
