package sample

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// Syllables of made-up place names; any two make a plausible name of a
// county, town or village in the north-east.
var (
	nameFirst  = []rune("安宝长丰福和华建康乐临隆宁平庆瑞胜泰通兴永裕振青东西南北新富双太红")
	nameSecond = []rune("安宁丰河山林源阳泉江岭平远兴城川成胜利民合发旺德")
	tunFirst   = []string{"王家", "李家", "张家", "刘家", "赵家", "孙家", "周家", "吴家", "郑家", "马家", "高家", "何家", "于家", "董家", "曲家"}
	products   = []string{"水稻", "玉米", "大豆", "黑木耳", "食用菌", "蔬菜", "草莓", "蓝莓", "肉牛", "生猪", "中药材", "鲜食玉米", "杂粮", "马铃薯", "蜂蜜"}
	industries = []string{"加工厂建设项目", "烘干塔建设项目", "仓储库建设项目", "温室大棚建设项目", "冷库建设项目", "种植基地建设项目", "深加工设备采购项目", "产业园区配套设施项目"}
	works      = []string{"巷路硬化项目", "通屯路建设项目", "路边沟建设项目", "自来水管网改造项目", "排水沟建设项目", "桥涵建设项目", "路灯安装项目"}
	others     = []string{"春季雨露计划补助项目", "秋季雨露计划补助项目", "跨省外出务工交通补助项目", "衔接资金项目管理费项目", "防返贫监测帮扶项目", "公益性岗位补助项目"}
	phases     = []string{"二", "三", "四", "五", "六", "七", "八", "九", "十"}
)

func twoChars(r *rand.Rand) string {
	return string(nameFirst[r.IntN(len(nameFirst))]) + string(nameSecond[r.IntN(len(nameSecond))])
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// place is a village of the synthetic county.
type place struct{ town, village string }

// places makes towns and their villages with distinct names.
func places(r *rand.Rand, towns, villagesPerTown int) []place {
	used := map[string]bool{}
	fresh := func(suffix string) string {
		for {
			n := twoChars(r) + suffix
			if !used[n] {
				used[n] = true
				return n
			}
		}
	}
	var out []place
	for range towns {
		town := fresh(pick(r, []string{"镇", "镇", "乡", "街道"}))
		for range villagesPerTown {
			out = append(out, place{town, fresh("村")})
		}
	}
	return out
}

// projectNames hands out project names that are distinct even after the
// checker's normalisation (镇 and 乡, 街道 and 街 read alike), adding a
// phase marker when a name comes up again.
type projectNames struct {
	seen map[string]int
}

func (p *projectNames) unique(name string) string {
	key := strings.NewReplacer("街道", "街", "镇", "乡").Replace(name)
	n := p.seen[key]
	p.seen[key] = n + 1
	if n == 0 {
		return name
	}
	phase := strconv.Itoa(n + 1)
	if n <= len(phases) {
		phase = phases[n-1]
	}
	return strings.TrimSuffix(name, "项目") + "（" + phase + "期）项目"
}
