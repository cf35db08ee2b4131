using System.Buffers.Binary;

namespace Moderation.Classifier.Features;

/// <summary>Reads and writes the IDF weights of the hashed slots (little-endian float32, one per slot).</summary>
internal static class IdfFile
{
    public static float[] Read(Stream stream, int slots)
    {
        var bytes = new byte[slots * sizeof(float)];
        stream.ReadExactly(bytes);
        var idf = new float[slots];
        for (var i = 0; i < slots; i++)
        {
            idf[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        }

        return idf;
    }

    public static void Write(Stream stream, float[] idf)
    {
        var bytes = new byte[idf.Length * sizeof(float)];
        for (var i = 0; i < idf.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), idf[i]);
        }

        stream.Write(bytes);
    }

    /// <summary>Smoothed IDF, ln((1 + n) / (1 + df)) + 1, from the slots each training document has.</summary>
    public static float[] FromDocuments(IEnumerable<int[]> documentSlots, int slots)
    {
        var documentFrequency = new int[slots];
        var documents = 0;
        foreach (var document in documentSlots)
        {
            documents++;
            foreach (var index in document)
            {
                if (index >= FeatureSettings.DenseCount)
                {
                    documentFrequency[index - FeatureSettings.DenseCount]++;
                }
            }
        }

        var idf = new float[slots];
        for (var i = 0; i < slots; i++)
        {
            idf[i] = MathF.Log((1f + documents) / (1f + documentFrequency[i])) + 1f;
        }

        return idf;
    }
}
