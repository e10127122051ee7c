#!/usr/bin/env bash
# Regenerates all pictograms of the wegwijzer kiosk into the folder this script sits in.
# Everything is drawn with ImageMagick primitives: no photos, no fonts, no downloaded material,
# and no text in the images (labels come from the bilingual content).
#
#   tiles   512x384   tile-*.png
#   attract 1024x768  attract-1.png .. attract-4.png
#   icons   128x128   icon-*.png  (white on transparent)
#
# Requires ImageMagick 6 (`convert`) or 7 (`magick`).
set -euo pipefail

OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if command -v magick >/dev/null 2>&1; then
    IM=(magick)
elif convert -version 2>/dev/null | grep -q ImageMagick; then
    IM=(convert)
else
    echo "make-images.sh: ImageMagick not found (apt-get install -y imagemagick)" >&2
    exit 1
fi

# Palette
BLUE='#1F3A5F'
TEAL='#2A7F7A'
ORANGE='#E07A2E'
YELLOW='#F2C14E'
BG='#F4F1EA'
WHITE='#FFFFFF'
# Derived tints (same hues, lighter/darker) for depth and background shapes
SAND='#E9E3D5'      # slightly darker than BG, for background blobs and ground
SAND2='#DDD5C3'
PALEBLUE='#C9D3DF'
PALETEAL='#BFDCD8'
DKYELLOW='#D9A23A'
DKORANGE='#B85F1F'

# ---------------------------------------------------------------- drawing helpers
# Everything is appended to the MVG string D, then rendered by render().
D=''
add() { D+="$*"$'\n'; }

fill() { add "fill '$1' stroke none"; }
circle() { add "circle $1,$2 $1,$(($2 - $3))"; }                 # cx cy r
ellipse() { add "ellipse $1,$2 $3,$4 0,360"; }                  # cx cy rx ry
rrect() { add "roundrectangle $1,$2 $3,$4 $5,$5"; }             # x0 y0 x1 y1 r
rect() { add "rectangle $1,$2 $3,$4"; }
poly() { add "polygon $*"; }
# thick round-capped line: color width x0 y0 x1 y1
tline() {
    add "push graphic-context"
    add "fill none stroke '$1' stroke-width $2 stroke-linecap round stroke-linejoin round"
    add "line $3,$4 $5,$6"
    add "pop graphic-context"
}
# thick round polyline: color width points...
tpoly() {
    local c=$1 w=$2
    shift 2
    add "push graphic-context"
    add "fill none stroke '$c' stroke-width $w stroke-linecap round stroke-linejoin round"
    add "polyline $*"
    add "pop graphic-context"
}
# stroked open arc of a circle: color width cx cy r a0 a1 (degrees, 0 = east, clockwise, a0 < a1)
# (drawn as a fine polyline: ImageMagick 6 closes stroked partial ellipses and path arcs)
sarc() {
    local pts
    pts=$(awk -v cx="$3" -v cy="$4" -v r="$5" -v a0="$6" -v a1="$7" 'BEGIN {
        p = atan2(0, -1) / 180; n = 32
        for (i = 0; i <= n; i++) {
            a = (a0 + (a1 - a0) * i / n) * p
            printf "%.1f,%.1f ", cx + r * cos(a), cy + r * sin(a)
        } }')
    tpoly "$1" "$2" $pts
}
# a smile on a head: color cx cy(head centre) s(head radius)
smile() { sarc "$1" $(($4 / 7 + 2)) "$2" $(($3 - $4 / 6)) $(($4 * 55 / 100)) 35 145; }
# stroked ring: color width cx cy r
ring() {
    add "push graphic-context"
    add "fill none stroke '$1' stroke-width $2"
    add "circle $3,$4 $3,$(($4 - $5))"
    add "pop graphic-context"
}

# A person: round head + rounded body. x = centre, y = head centre, s = head radius.
# The body runs from y+1.3s to y+4.6s and is 3.2s wide.
person() {
    local x=$1 y=$2 s=$3 c=$4
    fill "$c"
    circle "$x" "$y" "$s"
    rrect $((x - s * 16 / 10)) $((y + s * 13 / 10)) $((x + s * 16 / 10)) $((y + s * 46 / 10)) $((s * 9 / 10))
}
# A standing person with legs (for the larger scenes). Legs end at y + 7.4s.
person_full() {
    local x=$1 y=$2 s=$3 c=$4 legc=${5:-$BLUE}
    fill "$legc"
    rrect $((x - s * 13 / 10)) $((y + s * 40 / 10)) $((x - s * 1 / 10)) $((y + s * 74 / 10)) $((s * 5 / 10))
    rrect $((x + s * 1 / 10)) $((y + s * 40 / 10)) $((x + s * 13 / 10)) $((y + s * 74 / 10)) $((s * 5 / 10))
    person "$x" "$y" "$s" "$c"
}
# check mark inside a circle: circle colour, mark colour, cx cy r
checkbadge() {
    local c=$1 m=$2 x=$3 y=$4 r=$5
    fill "$c"
    circle "$x" "$y" "$r"
    tpoly "$m" $((r * 3 / 10)) $((x - r * 45 / 100)),$((y + r * 2 / 100)) $((x - r * 10 / 100)),$((y + r * 35 / 100)) $((x + r * 48 / 100)),$((y - r * 32 / 100))
}
# A coin lying flat, seen slightly from above: cx cy (top face centre) rx ry thickness
coin_flat() {
    local x=$1 y=$2 rx=$3 ry=$4 t=$5
    fill "$DKYELLOW"
    ellipse "$x" $((y + t)) "$rx" "$ry"
    rect $((x - rx)) "$y" $((x + rx)) $((y + t))
    fill "$YELLOW"
    ellipse "$x" "$y" "$rx" "$ry"
}
# Signpost board pointing right (dir=1) or left (dir=-1): colour x_base y_top width height dir
board() {
    local c=$1 x=$2 y=$3 w=$4 h=$5 dir=$6
    local tip=$((h / 2)) xe=$((x + dir * w))
    fill "$c"
    poly "$x,$y $xe,$y $((xe + dir * tip)),$((y + h / 2)) $xe,$((y + h)) $x,$((y + h))"
}

# render <file> <width> <height> [background]: draws D onto a canvas, writes RGBA PNG
render() {
    local file=$1 w=$2 h=$3 bg=${4:-$BG}
    "${IM[@]}" -size "${w}x${h}" "xc:$bg" -draw "$D" \
        -strip -define png:compression-level=9 -define png:compression-filter=5 \
        "PNG32:$OUT/$file"
    D=''
}
# icon <file>: D is drawn as a white-on-black mask (use fill white / black); the result is
# white where the mask is white and transparent elsewhere, 128x128.
icon() {
    local file=$1 tmp
    tmp="$(mktemp --suffix=.png)"
    # draw at 4x and scale down for smooth edges
    "${IM[@]}" -size 512x512 xc:black -draw "$D" -resize 128x128 "$tmp"
    "${IM[@]}" "$tmp" -colorspace gray -background white -alpha shape \
        -strip -define png:compression-level=9 "PNG32:$OUT/$file"
    rm -f "$tmp"
    D=''
}

# ================================================================ tiles 512x384

# --- tile-guide: a signpost with two arrows pointing different ways
fill "$SAND"; circle 256 200 165
fill "$PALETEAL"; ellipse 256 338 170 26
fill "$BLUE"; rrect 246 60 266 340 8
circle 256 60 16
board "$ORANGE" 240 96 120 66 1
board "$TEAL" 272 188 120 66 -1
tpoly "$WHITE" 10 290,111 308,129 290,147
tpoly "$WHITE" 10 320,111 338,129 320,147
tpoly "$WHITE" 10 222,203 204,221 222,239
tpoly "$WHITE" 10 192,203 174,221 192,239
render tile-guide.png 512 384

# --- tile-forms: four blocks in a 2x2 arrangement, each with a figure
fill "$SAND"; rrect 78 36 434 348 36
# block 1: coach (one figure with a star)
fill "$BLUE"; rrect 98 54 246 184 22
person 172 88 17 "$WHITE"
fill "$YELLOW"; poly "222,68 226,79 238,79 228,86 232,97 222,90 212,97 216,86 206,79 218,79"
# block 2: buddy (two figures)
fill "$TEAL"; rrect 266 54 414 184 22
person 316 92 15 "$WHITE"
person 364 92 15 "$WHITE"
# block 3: employer (figure + building)
fill "$ORANGE"; rrect 98 204 246 334 22
fill "$WHITE"; rect 190 250 230 318
fill "$ORANGE"; rect 198 260 206 270; rect 214 260 222 270; rect 198 280 206 290; rect 214 280 222 290; rect 205 300 215 318
person 150 238 17 "$WHITE"
# block 4: employee (figure with a heart)
fill "$YELLOW"; rrect 266 204 414 334 22
person 320 238 17 "$BLUE"
fill "$ORANGE"; circle 372 236 9; circle 388 236 9; poly "364,240 396,240 380,258"
render tile-forms.png 512 384

# --- tile-buddy: two colleagues side by side, one with a hand on the other's shoulder
fill "$SAND"; circle 256 200 160
fill "$SAND2"; ellipse 256 340 160 22
person 190 128 40 "$TEAL"
person 324 128 40 "$ORANGE"
# small friendly smiles
smile "$WHITE" 190 128 40
smile "$WHITE" 324 128 40
# teal arm reaching over to the orange colleague's shoulder, with a round hand
tline "$TEAL" 26 226 206 290 184
fill "$TEAL"; circle 296 181 18
render tile-buddy.png 512 384

# --- tile-money: coins and a form with a check mark
fill "$SAND"; circle 256 196 162
# document
fill "$PALEBLUE"; rrect 244 62 408 318 16
fill "$WHITE"; rrect 236 54 400 310 16
fill "$BLUE"; rrect 236 54 400 84 14; rect 236 70 400 84
fill "$PALEBLUE"
rrect 258 106 378 118 6
rrect 258 134 360 146 6
rrect 258 162 378 174 6
rrect 258 190 330 202 6
checkbadge "$TEAL" "$WHITE" 364 268 38
# coins
coin_flat 160 300 62 20 14
coin_flat 160 274 62 20 14
coin_flat 160 248 62 20 14
add "push graphic-context"
add "fill none stroke '$DKYELLOW' stroke-width 5"
add "ellipse 160,248 40,12 0,360"
add "pop graphic-context"
# upright coin
fill "$DKYELLOW"; circle 112 178 48
fill "$YELLOW"; circle 106 176 46
ring "$DKYELLOW" 6 106 176 30
render tile-money.png 512 384

# --- tile-find: a magnifying glass over a person
fill "$SAND"; circle 256 196 162
person 96 150 22 "$SAND2"
person 420 126 22 "$SAND2"
fill "$WHITE"; circle 236 178 104
person 236 126 30 "$TEAL"
tline "$BLUE" 34 318 262 392 336
ring "$BLUE" 20 236 178 104
render tile-find.png 512 384

# --- tile-situation: a person at a desk with a helper beside
fill "$SAND"; circle 266 196 162
fill "$SAND2"; ellipse 266 338 190 20
# worker behind the desk
person 316 136 30 "$ORANGE"
# monitor
fill "$BLUE"; rrect 366 146 468 222 8
fill "$PALEBLUE"; rrect 374 154 460 212 5
fill "$BLUE"; rect 410 222 424 244
# desk
fill "$BLUE"; rrect 230 240 480 258 6
rect 246 258 262 336; rect 448 258 464 336
fill "$PALEBLUE"; rect 262 258 448 296
# worker's hands on the desk
fill "$ORANGE"; circle 290 242 11; circle 344 242 11
# helper standing beside, pointing to the screen
person_full 150 112 28 "$TEAL"
tline "$TEAL" 20 180 160 226 140
fill "$TEAL"; circle 230 138 11
render tile-situation.png 512 384

# ================================================================ attract 1024x768

# --- attract-1: a welcoming finger touching a screen
fill "$SAND"; circle 160 640 220; circle 900 120 180
# kiosk screen
fill "$BLUE"; rrect 190 70 834 560 34
fill "$WHITE"; rrect 222 102 802 528 18
# tiles on the screen
fill "$PALETEAL"; rrect 262 140 496 310 16
fill "$YELLOW"; rrect 528 140 762 310 16
fill "$PALEBLUE"; rrect 262 336 496 496 16
fill "$TEAL"; rrect 528 336 762 496 16
# little figures on the tiles (no text)
person 379 196 20 "$TEAL"
person 645 196 20 "$ORANGE"
person 360 390 16 "$BLUE"; person 400 390 16 "$BLUE"
# stand
fill "$BLUE"; rect 470 560 554 680; ellipse 512 690 150 24
# touch ripples around the fingertip
sarc "$WHITE" 9 639 452 46 200 340
sarc "$WHITE" 9 639 452 76 210 330
# sleeve
fill "$ORANGE"; rrect 612 640 780 800 26
fill "$DKORANGE"; rect 612 640 780 664
# hand: palm, folded fingers, index finger up, thumb
fill "$YELLOW"
rrect 606 440 672 600 33          # index finger
rrect 600 510 760 660 44          # palm
add "push graphic-context"
add "fill '$YELLOW' stroke '$DKYELLOW' stroke-width 5"
add "roundrectangle 664,500 712,580 24,24"
add "roundrectangle 704,512 750,588 23,23"
add "roundrectangle 742,530 784,600 21,21"
add "pop graphic-context"
tline "$YELLOW" 50 620 620 572 560  # thumb
fill "$DKYELLOW"; rrect 622 452 656 470 9   # nail
render attract-1.png 1024 768

# --- attract-2: a coach and an employee at a workbench
fill "$SAND"; circle 512 316 300
fill "$SAND2"; ellipse 540 612 440 36
# employee behind the bench
person 620 250 48 "$ORANGE"
smile "$WHITE" 620 250 48
# pegboard with tools on the wall
fill "$PALEBLUE"; rrect 770 150 930 400 14
tline "$BLUE" 12 800 190 800 280
fill "$BLUE"; rrect 786 170 814 200 6
tline "$TEAL" 12 850 190 850 300
fill "$TEAL"; circle 850 300 14
tline "$ORANGE" 12 896 190 896 260
fill "$ORANGE"; poly "880,260 912,260 896,290"
# workbench
fill "$BLUE"; rrect 380 470 900 500 8
rect 400 500 424 614; rect 856 500 880 614
fill "$TEAL"; rect 424 566 856 580
# items on the bench
fill "$TEAL"; rrect 700 418 820 470 8
fill "$PALETEAL"; rrect 740 406 780 420 6
fill "$YELLOW"; rrect 470 430 520 470 6; rrect 530 440 570 470 6
# employee's arms reaching to the bench
tline "$ORANGE" 30 566 340 500 436
tline "$ORANGE" 30 674 340 744 430
fill "$ORANGE"; circle 496 440 20; circle 748 426 20
# coach in front-left, pointing
person_full 250 250 48 "$TEAL"
smile "$WHITE" 250 250 48
tline "$TEAL" 30 310 340 440 300
fill "$TEAL"; circle 446 298 20
# speech bubble with a check mark between them
fill "$WHITE"; rrect 330 96 490 196 40; poly "360,188 390,188 350,232"
tpoly "$TEAL" 16 380,146 402,168 442,124
render attract-2.png 1024 768

# --- attract-3: a team of three, one highlighted
fill "$SAND2"; ellipse 512 614 380 34
fill "$YELLOW"; circle 512 350 210
fill "$BG"; circle 512 350 190
fill "$YELLOW"; circle 512 350 176
person_full 512 230 52 "$ORANGE"
smile "$WHITE" 512 230 52
person_full 260 290 44 "$TEAL"
smile "$WHITE" 260 290 44
person_full 764 290 44 "$BLUE" "$TEAL"
smile "$WHITE" 764 290 44
# sparkles around the highlighted person
fill "$ORANGE"
poly "512,40 522,70 552,80 522,90 512,120 502,90 472,80 502,70"
poly "700,120 706,138 724,144 706,150 700,168 694,150 676,144 694,138"
poly "324,120 330,138 348,144 330,150 324,168 318,150 300,144 318,138"
render attract-3.png 1024 768

# --- attract-4: a signpost beside a path that leads to the horizon
fill "$YELLOW"; circle 820 150 70
fill "$PALETEAL"; ellipse 250 470 360 110; ellipse 800 480 340 100
fill "$TEAL"; rect 0 470 1024 768
# path: widens towards the viewer, forks at the horizon
fill "$SAND"
poly "300,768 760,768 560,470 500,470"
poly "500,476 540,476 420,430 396,430"
poly "520,476 560,476 660,430 636,430"
# stripes on the path
fill "$WHITE"
poly "520,720 550,720 546,660 522,660"
poly "524,610 544,610 541,565 527,565"
poly "527,530 541,530 539,500 529,500"
# signpost to the right of the path
fill "$BLUE"; rrect 774 330 794 640 8; circle 784 330 18
fill "$SAND2"; ellipse 784 640 60 12
fill "$BLUE"; rrect 774 330 794 640 8
board "$ORANGE" 760 360 130 70 1
board "$YELLOW" 808 460 130 70 -1
tpoly "$WHITE" 10 840,377 858,395 840,413
tpoly "$WHITE" 10 870,377 888,395 870,413
tpoly "$BLUE" 10 730,477 712,495 730,513
tpoly "$BLUE" 10 700,477 682,495 700,513
# small trees
for t in "140 520" "230 590" "900 640"; do
    set -- $t
    fill "$BLUE"; rect $(($1 - 6)) "$2" $(($1 + 6)) $(($2 + 50))
    fill "$PALETEAL"; circle "$1" "$2" 36
done
render attract-4.png 1024 768

# ================================================================ icons 128x128 (white)
# drawn on a 512x512 mask, white = icon

# --- icon-home: a house with a door
fill white; poly "256,64 464,248 400,248 400,448 112,448 112,248 48,248"
fill black; rrect 216 320 296 448 10
icon icon-home.png

# --- icon-back: a bold arrow pointing left
tpoly white 72 300,120 160,256 300,392
tline white 72 180 256 420 256
icon icon-back.png

# --- icon-access: the universal access figure in a circle
ring white 36 256 256 200
fill white; circle 256 142 34
tline white 34 152 208 360 208           # arms
tline white 40 256 212 256 310           # body
tpoly white 34 206,400 256,300 306,400   # legs
icon icon-access.png

# --- icon-language: a speech bubble with a globe inside
fill white; rrect 56 56 456 392 70; poly "140,380 240,380 120,476"
ring black 18 256 224 112
add "push graphic-context"
add "fill none stroke black stroke-width 16"
add "ellipse 256,224 46,112 0,360"
add "pop graphic-context"
tline black 16 144 224 368 224
tline black 14 164 168 348 168
tline black 14 164 280 348 280
icon icon-language.png

# --- icon-speaker: a loudspeaker with sound waves
fill white; poly "64,196 144,196 250,96 250,416 144,316 64,316"
sarc white 34 262 256 76 -48 48
sarc white 34 262 256 150 -48 48
icon icon-speaker.png

echo "make-images.sh: wrote $(ls "$OUT"/*.png | wc -l) images to $OUT"
