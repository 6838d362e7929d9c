namespace Simulation.Core.Scenarios;

/// <summary>Levenshtein distance, for "did you mean" suggestions on mistyped keys and choices.</summary>
public static class EditDistance
{
    /// <summary>Edits (insert, delete, substitute) that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Between(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>
    /// The candidate nearest to <paramref name="word"/>, if it is close enough to be a typo: at most
    /// 2 edits, or a third of the word for long dotted paths. Ties go to the first candidate.
    /// </summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Between(word, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        var allowed = Math.Max(2, word.Length / 3);
        return best is not null && bestDistance > 0 && bestDistance <= allowed ? best : null;
    }
}
