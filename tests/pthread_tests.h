/* filled by its area's tests: WT_MODEL / WT_OUTCOMES lines */
