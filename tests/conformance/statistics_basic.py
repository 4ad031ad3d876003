import statistics as st
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data))
print(st.pstdev(data), round(st.stdev(data), 10))
print(round(st.variance(data), 10), st.pvariance(data))
print(st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.fmean([1.5, 2.5]), st.multimode("aabbc"))
print(st.harmonic_mean([1, 2, 4]))
try:
    st.mean([])
except st.StatisticsError:
    print("StatisticsError")
