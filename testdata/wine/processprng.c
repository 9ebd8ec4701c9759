/*
 * A stand-in bcryptprimitives.dll for Wine 8, which lacks ProcessPrng: Go
 * 1.24 and later call it at start-up for random bytes, and the program dies
 * before main without it. Windows 10 and later have the real one; this file
 * is only for testing fundcheck.exe under Wine.
 *
 * x86_64-w64-mingw32-gcc -shared -o bcryptprimitives.dll processprng.c processprng.def -lbcrypt
 */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG n = size > 0x10000000 ? 0x10000000 : (ULONG)size;
		if (BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
			return FALSE;
		data += n;
		size -= n;
	}
	return TRUE;
}
